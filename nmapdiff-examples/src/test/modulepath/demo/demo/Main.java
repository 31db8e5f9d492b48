package demo;

import io.github.nmapdiff.core.run.Monitor;
import io.github.nmapdiff.core.run.MonitorReport;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.render.DiffJson;
import io.github.nmapdiff.core.render.NdiffText;
import io.github.nmapdiff.core.spi.ScanEngine;
import io.github.nmapdiff.core.spi.ScanRequest;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.ScanRun;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import io.github.nmapdiff.core.xml.ScanStream;
import io.github.nmapdiff.nmap.NmapOptions;
import io.github.nmapdiff.notify.mail.MailConfig;
import io.github.nmapdiff.notify.mail.MailNotifier;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/** Reads, diffs, keeps and mails two recorded scans from the module path, and prints what it did. */
public final class Main {
    public static void main(String[] args) throws Exception {
        Path before = Path.of(args[0]);
        Path after = Path.of(args[1]);
        Path dir = Path.of(args[2]);
        NmapXmlReader reader = new NmapXmlReader();
        int streamed = 0;
        try (ScanStream stream = reader.open(before)) {
            while (stream.hasNext()) {
                stream.next();
                streamed++;
            }
        }
        System.out.println("streamed " + streamed + " hosts");
        ScanDiff diff = ScanDiff.between(reader.read(before), reader.read(after));
        System.out.println("changes " + diff.changes().size());
        System.out.println("ndiff " + NdiffText.of(false, ZoneOffset.UTC).render(diff).lines().count() + " lines");
        System.out.println("json " + DiffJson.render(diff).length() + " chars");

        Deque<Path> nights = new ArrayDeque<>(List.of(before, after));
        ScanEngine engine = new ScanEngine() {
            public String id() {
                return "recorded";
            }

            public ScanRun start(ScanRequest request) {
                try {
                    Path file = nights.removeFirst();
                    byte[] xml = Files.readAllBytes(file);
                    Scan scan = new NmapXmlReader().read(file);
                    ScanResult result = ScanResult.builder(scan, xml).build();
                    return new ScanRun() {
                        public ScanResult await() {
                            return result;
                        }

                        public void cancel() {
                        }

                        public boolean isDone() {
                            return true;
                        }
                    };
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        FileSystemSnapshotStore store = FileSystemSnapshotStore.open(dir.resolve("scans"));
        Monitor monitor = Monitor.builder().engine(engine).store(store).targets(List.of("127.0.0.1"))
                .notifier(MailNotifier.of(MailConfig.builder().to("secops@example.test")
                        .sendmail(List.of(dir.resolve("no-sendmail").toString())).outbox(dir.resolve("outbox")).build()))
                .build();
        monitor.run();
        MonitorReport report = monitor.run();
        System.out.println("monitor " + report.kind() + " " + report.deliveries());
        System.out.println("snapshots " + Snapshots.of(store).list().size() + ", read back "
                + Snapshots.of(store).read(report.snapshot().id()).hosts().size() + " hosts");
        System.out.println("options " + NmapOptions.defaults().arguments().size());

        ModuleDescriptor core = Main.class.getModule().getLayer().findModule("io.github.nmapdiff.core").orElseThrow().getDescriptor();
        System.out.println("core exports " + core.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).sorted().collect(Collectors.joining(" ")));
        System.out.println("module " + ScanDiff.class.getModule().getName() + " named " + ScanDiff.class.getModule().isNamed());
    }
}
