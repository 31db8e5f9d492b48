package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.run.Cancellation;
import io.github.nmapdiff.core.run.Monitor;
import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.memory.Rules;
import io.github.nmapdiff.core.run.MonitorReport;
import io.github.nmapdiff.core.run.Notifiers;
import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.RunCancelledException;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.spi.RetentionPolicy;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.store.jdbc.PostgresStore;
import java.time.Instant;
import java.util.Optional;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.nmap.NmapOptions;
import io.github.nmapdiff.nmap.NmapScanner;
import io.github.nmapdiff.nmap.Targets;
import io.github.nmapdiff.notify.mail.MailConfig;
import io.github.nmapdiff.notify.mail.MailNotifier;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** One run of the monitoring job from the command line's options: what {@code scan} does, and {@code watch} repeats. */
final class Job {
    private Job() {
    }

    /**
     * Runs the job once and prints what it found. SIGINT, SIGTERM and SIGHUP during the run stop
     * nmap; what it found is kept, compared and notified as an incomplete scan, and the exit code
     * is then 128 plus the signal's number.
     *
     * @return the exit code, as {@link ExitCode} tells
     */
    static int run(JobOptions options, PrintWriter out, PrintWriter err, boolean quiet) {
        Path folder = options.output();
        List<String> targets = Targets.read(options.targetsFile());
        NmapOptions nmapOptions = options.nmapOptions();
        // every setting is checked before anything is scanned or created
        // mail only when asked for: a setup with only a plugin piles up no .eml files
        MailConfig mailConfig = options.mailWanted() ? options.mailConfig(folder) : null;
        Duration timeout = options.timeout();
        NoisePolicy noise = options.noise();
        Rules rules = options.rules();
        StoreOptions.Settings database = options.store();
        Notifiers.Found plugins = Notifiers.discover(options.notifierConfig());
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(folder, Clock.systemUTC(), options.groupReadable());
        plugins.problems().forEach(p -> err.println("nmapdiff: warning: " + p));

        ProgressReporter progress = new ProgressReporter(System.console() != null ? err : null, Duration.ofSeconds(30));
        NmapScanner scanner = NmapScanner.builder().executable(options.nmapPath()).options(nmapOptions)
                .temporaryDirectory(store.folder().resolve(FileSystemSnapshotStore.RUNNING_FOLDER)).build();
        Monitor.Builder builder = Monitor.builder();
        MailNotifier mail = mailConfig == null ? null : MailNotifier.of(mailConfig);
        if (mail != null) {
            builder.notifier(mail);
        }
        Monitor monitor = builder
                .engine(scanner)
                .store(store)
                .notifiers(plugins.notifiers())
                .targets(targets)
                .timeout(timeout)
                .lockWait(options.lockWait())
                .listener(progress)
                // with a database, the folder is the site's spool: retention waits until a night is in the database
                .retention(database.database() ? null : options.retention())
                .noise(noise)
                .rules(rules)
                .build();
        Cancellation cancellation = Cancellation.create();
        AtomicInteger signal = new AtomicInteger();
        MonitorReport report;
        try (Signals handled = Signals.handle(number -> {
            if (signal.compareAndSet(0, number)) {
                cancellation.cancel();
            }
        })) {
            report = monitor.run(cancellation);
        } catch (RunCancelledException e) {
            progress.finish();
            err.println("nmapdiff: stopped by " + Signals.name(signal.get()) + ": " + e.getMessage());
            err.flush();
            return ExitCode.signalled(signal.get());
        } finally {
            progress.finish();
        }

        // quiet (cron): nothing on a night with nothing to report; what went wrong still goes to stderr
        if (!quiet || report.triage().hasFindings()) {
            out.println("nmapdiff: " + TerminalWriter.field(report.summary()));
            out.println("snapshot: " + store.xmlFile(report.snapshot().id())
                    + (report.baseline() == null ? "" : " (compared with " + store.xmlFile(report.baseline().id()).getFileName() + ")"));
        }
        if (!quiet && report.triage().findings().size() > 1) { // one is the summary line already
            out.println();
            for (Finding f : report.triage().findings()) {
                out.println("  [" + f.severity().id() + "] " + TerminalWriter.field(f.describe()));
            }
        }
        out.flush();
        boolean spooled = database.database() && !push(database, store, noise, rules, options.retention(), out, err, quiet);
        Integer compressAfter = options.compressAfter();
        if (compressAfter != null) {
            store.compress(compressAfter);
        }
        report.warnings().forEach(w -> err.println("nmapdiff: warning: " + TerminalWriter.escape(w)));
        if (timeout != null && report.outcome() == ScanResult.Outcome.TIMED_OUT) {
            err.println("nmapdiff: the scan was stopped after " + Durations.format(timeout) + " (--timeout);"
                    + " give it longer with --timeout, or --timeout none for no limit");
        }
        for (Map.Entry<String, Delivery> d : report.deliveries().entrySet()) {
            if (d.getValue() == Delivery.QUEUED) {
                err.println("nmapdiff: " + d.getKey() + ": " + (mailConfig == null || !d.getKey().equals("mail")
                        ? "the notification waits to be delivered on the next run"
                        : mailConfig.route() == MailConfig.Route.OUTBOX
                                ? "no SMTP server is set and there is no " + mailConfig.sendmail().get(0)
                                        + "; the mail is in " + mailConfig.outbox()
                                : mailConfig.destination() + " did not take the mail" + mail.lastFailure().map(w -> " ("
                                        + TerminalWriter.escape(w) + ")").orElse("") + "; the mail waits in " + mailConfig.outbox()
                                        + " for the next run"));
            }
        }
        report.failures().forEach((id, why) -> err.println("nmapdiff: notifier " + id + " failed: "
                + TerminalWriter.escape(why.message())));
        report.retryFailures().forEach((id, why) -> err.println("nmapdiff: " + id + ": " + TerminalWriter.escape(why.message())));
        report.pending().forEach((id, count) -> {
            // the one this run queued was named above
            int fromEarlierRuns = count - (report.deliveries().get(id) == Delivery.QUEUED ? 1 : 0);
            if (fromEarlierRuns > 0) {
                err.println("nmapdiff: " + id + ": " + count + (count == 1 ? " notification waits" : " notifications wait")
                        + " to be delivered" + (id.equals("mail") && mailConfig != null ? " in " + mailConfig.outbox() : ""));
            }
        });
        if (signal.get() != 0) {
            err.println("nmapdiff: stopped by " + Signals.name(signal.get()) + ": the " + report.snapshot().hosts()
                    + " hosts nmap finished are kept in the incomplete snapshot " + store.xmlFile(report.snapshot().id()));
            err.flush();
            return ExitCode.signalled(signal.get());
        }
        err.flush();
        ExitCode code = ExitCode.of(report);
        return spooled && code != ExitCode.UNDELIVERED ? ExitCode.UNDELIVERED.code() : code.code();
    }

    /**
     * Hands the site's nights to the database, then thins the folder of those it has. Returns
     * whether every night is in the database; when it cannot be reached, says so in one line:
     * the nights wait in the folder for the next run that reaches it.
     */
    private static boolean push(StoreOptions.Settings database, FileSystemSnapshotStore local, NoisePolicy noise, Rules rules,
            RetentionPolicy retention, PrintWriter out, PrintWriter err, boolean quiet) {
        String site = database.siteName();
        try (PostgresStore db = database.open()) {
            SitePush.Pushed pushed = SitePush.push(local, db.site(site), noise, rules, retention, Instant.now());
            if (!quiet) {
                out.println("database: site " + site + " in " + db.where() + (pushed.nights() == 0 ? ", nothing new"
                        : ", " + InventoryCommand.count(pushed.nights(), "night") + " kept"));
                out.flush();
            }
        } catch (NmapDiffException e) {
            int left = SitePush.waiting(local, SitePush.pushedThrough(local, site)).size();
            err.println("nmapdiff: warning: " + TerminalWriter.escape(e.getMessage()) + "; " + (left == 1 ? "the night waits"
                    : left + " nights wait") + " in " + local.folder() + " for the next run that reaches the database");
            err.flush();
            return false;
        }
        if (retention != null) {
            // only nights the database has leave the folder
            Optional<Instant> through = SitePush.pushedThrough(local, site);
            Snapshots snapshots = Snapshots.of(local);
            List<Snapshot> all = snapshots.list();
            for (String id : Snapshots.expired(all, retention, Instant.now())) {
                Snapshot s = all.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
                if (through.isPresent() && !s.takenAt().isAfter(through.get())) {
                    local.delete(id);
                }
            }
        }
        return true;
    }
}
