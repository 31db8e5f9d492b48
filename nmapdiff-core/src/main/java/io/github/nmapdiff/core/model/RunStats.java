package io.github.nmapdiff.core.model;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How an nmap run ended: when, after how long, whether it succeeded, and how many hosts it
 * found up and down.
 *
 * @param finished when nmap finished, to the second; may be null
 * @param finishedString nmap's own human form of {@code finished}; may be null
 * @param elapsedSeconds the run's length in seconds, exactly as nmap wrote it; may be null
 * @param summary nmap's one-line summary of the run; may be null
 * @param exit whether nmap ended in success or error; null where nmap (before 5.x) did not say
 * @param errorMessage nmap's message when it ended in error; may be null
 * @param hostsUp how many hosts were up
 * @param hostsDown how many hosts were down
 * @param hostsTotal how many hosts were scanned
 */
public record RunStats(
        @Nullable Instant finished,
        @Nullable String finishedString,
        @Nullable BigDecimal elapsedSeconds,
        @Nullable String summary,
        @Nullable ExitStatus exit,
        @Nullable String errorMessage,
        int hostsUp,
        int hostsDown,
        int hostsTotal) {
}
