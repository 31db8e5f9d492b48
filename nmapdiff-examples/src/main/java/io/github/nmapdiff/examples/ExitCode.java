package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.run.MonitorReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The exit codes of the monitoring job ({@code scan}, {@code watch}), one table for the code,
 * {@code --help} and the README: cron and systemd can tell "all good" (0) from "look at this"
 * by the code alone. When several apply, the first in this order wins: a signal, 2, 3, 4, 1.
 */
enum ExitCode {
    OK(0, "all good: the scan is complete, nothing to report (or a baseline was recorded), every notification delivered"),
    CHANGES(1, "something to report (findings), and every notification delivered"),
    ERROR(2, "error: nothing was compared (bad input, nmap missing, a full disk); one line on stderr says why"),
    UNDELIVERED(3, "something waits to be delivered: a notification (in the outbox, a notifier failed, a mail was refused), or"
            + " the night, kept in the folder until the database (--store) can be reached"),
    INCOMPLETE(4, "the scan is incomplete (time limit, nmap stopped, full temporary disk); what it found is kept and compared");

    /** Exit codes 128+N: the job was stopped by signal N; what the scan found is kept as an incomplete snapshot. */
    static final String SIGNALLED = "128+N: stopped by signal N (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP); the hosts nmap finished are"
            + " kept as an incomplete snapshot and reported";

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    int code() {
        return code;
    }

    /** The exit code of a run that ended on its own. */
    static ExitCode of(MonitorReport report) {
        if (report.undelivered()) {
            return UNDELIVERED;
        }
        if (!report.complete()) {
            return INCOMPLETE;
        }
        return report.hasFindings() ? CHANGES : OK;
    }

    /** The exit code of a run stopped by a signal. */
    static int signalled(int signal) {
        return 128 + signal;
    }

    /** Returns whether an exit code says the run was stopped by a signal. */
    static boolean isSignal(int code) {
        return code > 128;
    }

    /** The table, one line a code, for {@code --help}. */
    static List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Exit codes (when several apply: a signal, then 2, 3, 4, 1):");
        for (ExitCode c : values()) {
            lines.add("  " + c.code + "  " + c.meaning);
        }
        lines.add("  " + SIGNALLED);
        return lines;
    }
}
