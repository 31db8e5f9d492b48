package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.Monitor;
import io.github.nmapdiff.core.MonitorReport;
import io.github.nmapdiff.core.Notifiers;
import io.github.nmapdiff.core.render.NdiffText;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.nmap.NmapOptions;
import io.github.nmapdiff.nmap.NmapScanner;
import io.github.nmapdiff.nmap.Targets;
import io.github.nmapdiff.notify.mail.MailConfig;
import io.github.nmapdiff.notify.mail.MailNotifier;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** One run of the monitoring job from the command line's options: what {@code scan} does, and {@code watch} repeats. */
final class Job {
    private Job() {
    }

    /**
     * Runs the job once and prints what it found.
     *
     * @return the exit code: 0 no change, 1 changes, 3 changes but a notification waits in the outbox or failed
     */
    static int run(JobOptions options, PrintWriter out, PrintWriter err, boolean quiet) {
        Path folder = options.output();
        List<String> targets = Targets.read(options.targetsFile());
        NmapOptions nmapOptions = options.nmapOptions();
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(folder);
        MailConfig mailConfig = options.mailConfig(folder);
        Notifiers.Found plugins = Notifiers.discover(options.notifierConfig());
        plugins.problems().forEach(p -> err.println("nmapdiff: warning: " + p));

        ProgressReporter progress = new ProgressReporter(System.console() != null ? err : null, Duration.ofSeconds(30));
        Monitor monitor = Monitor.builder()
                .engine(NmapScanner.builder().executable(options.nmapPath()).options(nmapOptions).build(), nmapOptions.arguments())
                .store(store)
                .notifier(MailNotifier.of(mailConfig))
                .notifiers(plugins.notifiers())
                .targets(targets)
                .timeout(options.timeout())
                .lockWait(options.lockWait())
                .listener(progress)
                .retention(options.retention())
                .build();
        MonitorReport report;
        try {
            report = monitor.run();
        } finally {
            progress.finish();
        }
        Integer compressAfter = options.compressAfter();
        if (compressAfter != null) {
            store.compress(compressAfter);
        }

        out.println("nmapdiff: " + report.summary());
        out.println("snapshot: " + store.xmlFile(report.snapshot().id())
                + (report.baseline() == null ? "" : " (compared with " + store.xmlFile(report.baseline().id()).getFileName() + ")"));
        if (!quiet && report.diff() != null && report.hasChanges()) {
            out.println();
            out.print(NdiffText.of(false, ZoneId.systemDefault()).render(report.diff()));
        }
        out.flush();
        report.warnings().forEach(w -> err.println("nmapdiff: warning: " + w));
        for (Map.Entry<String, Delivery> d : report.deliveries().entrySet()) {
            if (d.getValue() == Delivery.QUEUED) {
                err.println("nmapdiff: " + d.getKey() + ": " + (mailConfig.hasServer() && d.getKey().equals("mail")
                        ? "the SMTP server could not be reached; the mail waits in " + mailConfig.outbox() + " for the next run"
                        : "no SMTP server configured; the mail is in " + mailConfig.outbox()));
            }
        }
        report.failures().forEach((id, why) -> err.println("nmapdiff: notifier " + id + " failed: " + why));
        err.flush();
        return report.exitCode();
    }
}
