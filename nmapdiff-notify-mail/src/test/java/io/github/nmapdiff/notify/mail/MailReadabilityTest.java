package io.github.nmapdiff.notify.mail;

import io.github.nmapdiff.core.spi.RunKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.render.DiffSummary;
import io.github.nmapdiff.core.render.NdiffText;
import io.github.nmapdiff.core.model.Triage;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Verdict;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.testkit.TestScans;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a person reads in the mail: the command they wrote, what a port was before, plain counts. */
class MailReadabilityTest {
    private static final Instant DAY_1 = Instant.parse("2026-11-01T02:00:00Z");

    /** A scan as the runner makes it: its files and progress option on the command line; 999 ports "not shown", closed. */
    private static Scan scan(Instant start, String... hosts) {
        String xml = new String(TestScans.xml(TestScans.scan(start, true, hosts)), StandardCharsets.UTF_8)
                .replace("<ports>", "<ports><extraports state=\"closed\" count=\"999\"><extrareasons reason=\"conn-refused\""
                        + " count=\"999\"/></extraports>")
                .replace("args=\"nmap -sV 127.0.0.1\"", "args=\"nmap -v -sV --top-ports 1000 --stats-every 5000ms -iL"
                        + " /var/lib/nmapdiff/.running/nmapdiff-scan-123/targets.txt -oX"
                        + " /var/lib/nmapdiff/.running/nmapdiff-scan-123/scan.xml\"");
        return new NmapXmlReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "scan.xml");
    }

    private static Notification opened() {
        Scan before = scan(DAY_1, "127.0.0.1:22");
        Scan after = scan(DAY_1.plusSeconds(86_400), "127.0.0.1:22,80");
        ScanDiff diff = ScanDiff.between(before, after);
        Snapshot baseline = Snapshot.builder("20261101T020000Z", DAY_1).scope(List.of("127.0.0.1"), List.of("-sV")).hosts(1)
                .run(null, "baseline", null).finished(true).build();
        Snapshot snapshot = Snapshot.builder("20261102T020000Z", after.start()).scope(List.of("127.0.0.1"), List.of("-sV"))
                .hosts(1).run(diff.changes().size(), DiffSummary.of(diff), baseline.id()).build();
        return Notification.builder(snapshot, Verdict.given(RunKind.CHANGES, DiffSummary.of(diff), baseline, diff, Triage.none()))
                .baselineXml(TestScans.xml(before))
                .ndiffText(NdiffText.of(false, ZoneOffset.UTC).render(diff))
                .xml(TestScans.xml(after)).build();
    }

    @Test
    void theBodyAndTheAttachedDiffShowNmapsCommandAsTheUserWroteIt() throws Exception {
        Notification n = opened();
        assertThat(n.ndiffText()).contains("-iL /var/lib/nmapdiff/.running");

        String body = MailComposer.bodyText(n.ndiffText());

        assertThat(body).contains("as: nmap -v -sV --top-ports 1000\n").doesNotContain(".running").doesNotContain("--stats-every");
        MailNotifier mail = MailNotifier.of(MailConfig.builder().to("secops@example.test").outbox(java.nio.file.Path.of("/nonexistent"))
                .sendmail(List.of("/nonexistent")).build());
        jakarta.mail.Multipart mixed = (jakarta.mail.Multipart) mail.composer().compose(n).getContent();
        String attached = null;
        for (int i = 1; i < mixed.getCount(); i++) {
            if (mixed.getBodyPart(i).getFileName().endsWith(".diff.txt")) {
                attached = new String(mixed.getBodyPart(i).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        assertThat(attached).isNotNull().contains("as: nmap -v -sV --top-ports 1000\n").doesNotContain(".running")
                .doesNotContain("--stats-every");
    }

    @Test
    void aPortThatOpenedWasClosedBeforeNotUnlisted() {
        Notification n = opened();
        Change.PortOpened change = n.changes().stream().filter(Change.PortOpened.class::isInstance).map(Change.PortOpened.class::cast)
                .findFirst().orElseThrow();

        assertThat(MailComposer.row(change, n)).containsExactly("port opened", "127.0.0.1", "80/tcp", "closed (not shown)",
                "open ssh OpenSSH 9.2p1");
    }

    @Test
    void oneHostIsOneHost() throws Exception {
        Notification n = opened();
        MailNotifier mail = MailNotifier.of(MailConfig.builder().to("secops@example.test").outbox(java.nio.file.Path.of("/nonexistent"))
                .sendmail(List.of("/nonexistent")).build());

        String text = String.valueOf(((jakarta.mail.Multipart) ((jakarta.mail.Multipart) mail.composer().compose(n).getContent())
                .getBodyPart(0).getContent()).getBodyPart(0).getContent());

        assertThat(text).contains("complete, 1 host)").doesNotContain("1 hosts");
    }

    /**
     * The HTML part in a real browser (Debian's chromium, headless) 1200 px wide: no horizontal
     * scroll with a long command line and a long banner, and a banner's markup stays text.
     */
    @Test
    void theHtmlFits1200PixelsInARealBrowserAndABannersMarkupStaysText() throws Exception {
        io.github.nmapdiff.core.testing.Tool.require("chromium");
        Notification n = opened();
        String longLine = "|_banner: " + "<b>very-long-banner</b>-".repeat(60) + "\n";
        Notification wide = Notification.builder(n.snapshot(), Verdict.given(n.kind(), n.summary(), n.baseline(), n.ndiff(), Triage.none()))
                .baselineXml(n.baselineXml())
                .ndiffText(n.ndiffText() + longLine)
                .xml(n.xml())
                .warnings(n.warnings()).build();
        MailNotifier mail = MailNotifier.of(MailConfig.builder().to("secops@example.test").outbox(dir.resolve("outbox"))
                .sendmail(List.of("/nonexistent")).build());
        jakarta.mail.Multipart alternative = (jakarta.mail.Multipart) ((jakarta.mail.Multipart) mail.composer().compose(wide).getContent())
                .getBodyPart(0).getContent();
        String html = String.valueOf(alternative.getBodyPart(1).getContent());
        // the page reports its own widths and whether a <b> from the banner became an element
        java.nio.file.Path page = java.nio.file.Files.writeString(dir.resolve("mail.html"), html
                + "<script>document.title = document.documentElement.scrollWidth + ' ' + document.documentElement.clientWidth"
                + " + ' ' + document.getElementsByTagName('b').length</script>");

        io.github.nmapdiff.core.testing.Tool.Result dom = io.github.nmapdiff.core.testing.Tool.run(120, "chromium", "--headless",
                "--no-sandbox", "--disable-gpu", "--window-size=1200,900", "--dump-dom", page.toUri().toString());

        assertThat(dom.stdout()).as(dom.stderr()).contains("<title>1200 1200 0</title>");
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;
}
