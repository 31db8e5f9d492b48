package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.spi.Snapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A point in time of a snapshot folder, as people name it: a date, or a snapshot id. */
final class PointInTime {
    private PointInTime() {
    }

    /**
     * Returns the snapshot a user means: the one with that id, or the newest complete one taken
     * on or before the end of that date (in this machine's zone).
     *
     * @throws NmapDiffException saying what the folder holds when there is none
     */
    static Snapshot pick(List<Snapshot> oldestFirst, String text, Path folder) {
        for (Snapshot s : oldestFirst) {
            if (s.id().equals(text)) {
                return s;
            }
        }
        Instant end = endOf(text);
        Snapshot found = null;
        for (Snapshot s : oldestFirst) {
            if (s.complete() && !s.takenAt().isAfter(end)) {
                found = s;
            }
        }
        if (found == null) {
            throw new NmapDiffException("no complete snapshot on or before " + text + " in " + folder
                    + (oldestFirst.isEmpty() ? " (it holds none)" : " (the first is from " + date(oldestFirst.get(0).takenAt()) + ")"));
        }
        return found;
    }

    /** The end of a day named by a date, or the instant of an ISO time. */
    static Instant endOf(String text) {
        try {
            return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant().minusNanos(1);
        } catch (DateTimeParseException notADate) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new NmapDiffException("'" + text + "' is neither a date like 2026-10-01 nor a snapshot id of the folder"
                        + " (nmapdiff history DIR lists them)");
            }
        }
    }

    /** The start of a day named by a date (for --since). */
    static Instant startOf(String text) {
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new NmapDiffException("'" + text + "' is not a date like 2026-10-01");
        }
    }

    /** The day of an instant in this machine's zone, as 2026-10-01; "-" for none. */
    static String date(Instant t) {
        return t == null ? "-" : t.atZone(ZoneId.systemDefault()).toLocalDate().toString();
    }
}
