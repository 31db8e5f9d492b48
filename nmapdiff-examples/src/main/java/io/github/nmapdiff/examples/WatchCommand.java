package io.github.nmapdiff.examples;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.github.nmapdiff.core.NmapDiffException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nmapdiff watch --cron "0 2 * * *" -f ips.txt -o DIR}: the job on a schedule, in the
 * foreground. Runs never overlap: a run that is still going when the next is due makes that
 * one wait, and other processes on the same folder wait for its lock.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {
            "Runs the scan job on a cron schedule, in the foreground, until stopped.",
            "CRON has five fields (minute hour day month weekday, as crontab) or six with seconds first."
        })
final class WatchCommand implements Callable<Integer> {
    /** When the next run is, as people write it: {@code 2026-12-01 02:00 UTC}. */
    private static final DateTimeFormatter NEXT_RUN = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Option(names = "--cron", required = true, paramLabel = "CRON", description = "when to run, e.g. \"0 2 * * *\" for 02:00 every day")
    String cron;

    @Option(names = "--max-runs", paramLabel = "N", description = "stop after N runs (default: never)")
    Integer maxRuns;

    @Option(names = {"-q", "--quiet"}, description = "print only the summary of each run, not the diff")
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        ExecutionTime schedule = ExecutionTime.forCron(parse(cron));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int last = 0;
        for (int run = 1; maxRuns == null || run <= maxRuns; run++) {
            ZonedDateTime now = ZonedDateTime.now();
            Optional<ZonedDateTime> next = schedule.nextExecution(now);
            if (next.isEmpty()) {
                err.println("nmapdiff: the schedule '" + cron + "' has no further run");
                return last;
            }
            err.println("nmapdiff: next run at " + next.get().format(NEXT_RUN));
            err.flush();
            Thread.sleep(Math.max(0, Duration.between(now, next.get()).toMillis()));
            try {
                last = Job.run(job, out, err, quiet);
                if (ExitCode.isSignal(last)) {
                    // the run was stopped by SIGTERM, SIGINT or SIGHUP: that stops the watch too
                    return last;
                }
            } catch (NmapDiffException e) {
                // one failed run (nmap missing a moment, a full disk) does not end the watch
                err.println("nmapdiff: this run failed: " + e.getMessage());
                last = NmapDiffCli.EXIT_ERROR;
            }
        }
        return last;
    }

    static Cron parse(String expression) {
        int fields = expression.strip().split("\\s+").length;
        CronType type = fields == 6 ? CronType.SPRING : CronType.UNIX;
        try {
            return new CronParser(CronDefinitionBuilder.instanceDefinitionFor(type)).parse(expression).validate();
        } catch (IllegalArgumentException e) {
            throw new NmapDiffException("--cron '" + expression + "' is not a cron expression: " + e.getMessage()
                    + " (five fields as in crontab: minute hour day month weekday, e.g. \"0 2 * * *\")");
        }
    }
}
