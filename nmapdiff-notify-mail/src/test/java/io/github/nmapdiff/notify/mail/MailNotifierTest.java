package io.github.nmapdiff.notify.mail;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.HostIdentity;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.memory.ScanSource;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.model.Severity;
import io.github.nmapdiff.core.model.Triage;
import io.github.nmapdiff.core.spi.RunKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.model.Address;
import io.github.nmapdiff.core.model.AddressType;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.HostName;
import io.github.nmapdiff.core.model.HostNameType;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.PortState;
import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Service;
import io.github.nmapdiff.core.render.DiffSummary;
import io.github.nmapdiff.core.render.NdiffText;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Verdict;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.testing.BannerServer;
import io.github.nmapdiff.testkit.TestScans;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The mail notifier against a real SMTP server in this JVM (GreenMail), on loopback. */
class MailNotifierTest {
    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("nmapdiff", "s3cret"))
            .withPerMethodLifecycle(true);

    private static final Instant DAY_1 = Instant.parse("2026-11-01T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T02:05:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static int freePort() {
        try {
            return BannerServer.freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private MailConfig.Builder config() {
        return MailConfig.builder().host("127.0.0.1").port(SMTP_PORT).tls(MailConfig.Tls.NONE)
                .from("nmapdiff@monitor.test").to("secops@example.test, admin@example.test").outbox(dir.resolve("outbox"));
    }

    /** A day-2 scan that opened port 80 on 127.0.0.1 and added a host whose name and banner are hostile. */
    private static Notification changes() {
        Scan before = TestScans.scan(DAY_1, true, "127.0.0.1:22");
        Scan after = TestScans.scan(DAY_1.plusSeconds(86_400), true, "127.0.0.1:22,80");
        Host evil = new Host(after.hosts().get(0).status(), List.of(new Address("127.0.0.66", AddressType.IPV4, null)),
                List.of(new HostName("evil.test\r\nBcc: victim@example.test\r\n<script>alert(1)</script>", HostNameType.PTR)),
                List.of(), List.of(new Port(Protocol.TCP, 8080, PortState.OPEN, "syn-ack", 64, null, null,
                        new Service("http", "<script>alert('banner')</script>\r\nX-Injected: yes", "1.0", null, null, null, null, null,
                                null, null, null, null, null, "probed", 10, List.of()),
                        List.of())),
                List.of(), io.github.nmapdiff.core.model.OsDetection.empty(), null, null, null, null, null, false, null);
        List<Host> hosts = new ArrayList<>(after.hosts());
        hosts.add(evil);
        after = after.withHosts(hosts);
        ScanDiff diff = ScanDiff.between(before, after);
        Snapshot baseline = Snapshot.builder("20261101T020000Z", DAY_1).scope(List.of("127.0.0.0/24"), List.of("-sV")).hosts(1)
                .run(null, "baseline", null).finished(true).build();
        Snapshot snapshot = Snapshot.builder("20261102T020000Z", after.start()).scope(List.of("127.0.0.0/24"), List.of("-sV"))
                .hosts(2).run(diff.changes().size(), DiffSummary.of(diff), baseline.id()).build();
        return Notification.builder(snapshot, Verdict.given(RunKind.CHANGES, DiffSummary.of(diff), baseline, diff, Triage.none()))
                .baselineXml(TestScans.xml(before))
                .ndiffText(NdiffText.of(false, ZoneOffset.UTC).render(diff))
                .xml(TestScans.xml(after)).build();
    }

    /** The same night, as the job's memory tells it: what opened, by severity. */
    private static Notification triaged() {
        Notification n = changes();
        NetworkMemory memory = NetworkMemory.inMemory();
        Scope scope = Scope.of(List.of("127.0.0.0/24"), List.of("-sV"));
        memory.absorbAndCommit("20261101T020000Z", ScanSource.of(TestScans.scan(DAY_1, true, "127.0.0.1:22")), DAY_1, scope,
                NoisePolicy.defaults());
        Triage triage = memory.absorbAndCommit("20261102T020000Z", ScanSource.of(n.ndiff().after()), DAY_1.plusSeconds(86_400), scope,
                NoisePolicy.defaults());
        return Notification.builder(n.snapshot(), Verdict.given(RunKind.CHANGES, "x", n.baseline(), n.ndiff(), triage))
                .baselineXml(n.baselineXml())
                .ndiffText(n.ndiffText())
                .xml(n.xml()).build();
    }

    @Test
    void theSubjectNamesTheMostSevereFindingAndTheBodyListsOnlyWhatIsReported() throws Exception {
        Notification n = triaged();
        assertThat(n.findings()).extracting(f -> f.severity().id() + " " + f.kind().id())
                .containsExactly("medium new-port", "medium host-new", "medium new-port");

        String subject = MailComposer.subject(n);
        assertThat(subject).isEqualTo("nmapdiff: [medium] 80/tcp ssh opened on 127.0.0.1, +2 more");

        MailNotifier mail = MailNotifier.of(config().build());
        jakarta.mail.internet.MimeMessage message = mail.composer().compose(n);
        jakarta.mail.Multipart alternative = (jakarta.mail.Multipart) ((jakarta.mail.Multipart) message.getContent()).getBodyPart(0)
                .getContent();
        String text = String.valueOf(alternative.getBodyPart(0).getContent());
        String html = String.valueOf(alternative.getBodyPart(1).getContent());
        assertThat(text).contains("Reported, most severe first:\n  [medium] 80/tcp ssh opened on 127.0.0.1 (first seen 2026-11-02)")
                .contains("new host: ").contains("attached nmapdiff-20261102T020000Z.diff.txt")
                .doesNotContain("Nmap 7.93 scan initiated"); // the ndiff text is attached, not in the body
        assertThat(html).contains("<td style=\"color:#fff;background:#d68910\"><b>medium</b></td>").doesNotContain("<script>")
                .contains("&lt;script&gt;");
        assertThat(((jakarta.mail.Multipart) message.getContent()).getBodyPart(1).getFileName())
                .isEqualTo("nmapdiff-20261102T020000Z.diff.txt");
    }

    @Test
    void theBaselineMailListsTheInventoryItRecordedAndAttachesAllOfIt() throws Exception {
        Scan scan = TestScans.scan(DAY_1, true, "127.0.0.1:22,5432", "127.0.0.2:8080");
        Snapshot snapshot = Snapshot.builder("20261101T020000Z", DAY_1).scope(List.of("127.0.0.0/24"), List.of("-sV")).hosts(2).build();
        Notification baseline = Notification.builder(snapshot, Verdict.given(RunKind.BASELINE, "baseline recorded: 2 hosts", null, null, Triage.none()))
                .xml(TestScans.xml(scan)).build();

        jakarta.mail.internet.MimeMessage message = MailNotifier.of(config().build()).composer().compose(baseline);
        jakarta.mail.Multipart mixed = (jakarta.mail.Multipart) message.getContent();
        String text = String.valueOf(((jakarta.mail.Multipart) mixed.getBodyPart(0).getContent()).getBodyPart(0).getContent());

        assertThat(text).contains("Recorded 3 open ports on 2 hosts: 1 high, 2 medium, most serious first:\n"
                + "  [high] 5432/tcp ssh (OpenSSH 9.2p1) on 127.0.0.1\n").contains("inventory-20261101T020000Z.csv");
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("inventory-20261101T020000Z.csv");
        assertThat(new String(mixed.getBodyPart(1).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("severity,address,name,port,service,version\nhigh,127.0.0.1,,5432/tcp,ssh,OpenSSH 9.2p1\n"
                        + "medium,127.0.0.1,,22/tcp,ssh,OpenSSH 9.2p1\nmedium,127.0.0.2,,8080/tcp,ssh,OpenSSH 9.2p1\n");
    }

    @Test
    void aHostileNameInTheSubjectIsOneShortLineWithoutControlsOrDirectionMarks() {
        Notification n = triaged();
        Finding evil = n.findings().stream().filter(f -> f.address().equals("127.0.0.66")).findFirst().orElseThrow();
        Notification first = Notification.builder(n.snapshot(), Verdict.given(RunKind.CHANGES, "x", null, null, Triage.of(List.of(evil.withSeverity(Severity.HIGH)), HeldBack.none())))
                .xml(n.xml()).build();

        String subject = MailComposer.subject(first);

        assertThat(subject).doesNotContain("\r").doesNotContain("\n").startsWith("nmapdiff: [high] new host: evil.test Bcc:");
        assertThat(subject.length()).isLessThan(140);
        assertThat(MailComposer.oneLine("a\u202eb\u2066c")).isEqualTo("a b c");
        assertThat(MailComposer.oneLine("a\u0085b\u009bc")).as("C1 controls: NEL, CSI").isEqualTo("a b c");
    }

    @Test
    void aHostWithEveryPortOpenMakesAMailBelowTenMegabytesThatSaysWhatItLeftOut() throws Exception {
        StringBuilder ports = new StringBuilder("127.0.0.1:");
        for (int p = 1; p <= 65_535; p++) {
            ports.append(p == 1 ? "" : ",").append(p);
        }
        Scan before = TestScans.scan(DAY_1, true, "127.0.0.1:22");
        Scan after = TestScans.scan(DAY_1.plusSeconds(86_400), true, ports.toString());
        NetworkMemory memory = NetworkMemory.inMemory();
        Scope scope = Scope.of(List.of("127.0.0.0/24"), List.of("-sV"));
        memory.absorbAndCommit("20261101T020000Z", ScanSource.of(before), DAY_1, scope, NoisePolicy.defaults());
        Triage triage = memory.absorbAndCommit("20261102T020000Z", ScanSource.of(after), after.start(), scope, NoisePolicy.defaults());
        ScanDiff diff = ScanDiff.between(before, after);
        Snapshot baseline = Snapshot.builder("20261101T020000Z", DAY_1).scope(List.of("127.0.0.0/24"), List.of("-sV")).hosts(1)
                .run(null, "baseline", null).finished(true).build();
        Snapshot snapshot = Snapshot.builder("20261102T020000Z", after.start()).scope(List.of("127.0.0.0/24"), List.of("-sV"))
                .hosts(1).run(diff.changes().size(), DiffSummary.of(diff), baseline.id()).build();
        Notification n = Notification.builder(snapshot, Verdict.given(RunKind.CHANGES, "x", baseline, diff, triage))
                .baselineXml(TestScans.xml(before)).ndiffText(NdiffText.of(false, ZoneOffset.UTC).render(diff)).xml(TestScans.xml(after))
                .build();
        assertThat(triage.findings()).hasSize(65_534);

        jakarta.mail.internet.MimeMessage message = MailNotifier.of(config().build()).composer().compose(n);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        message.writeTo(bytes);

        assertThat(bytes.size()).as("below Postfix's default message_size_limit").isLessThan(10_240_000);
        String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("... and 64534 more").contains("Not attached, too large");
    }

    @Test
    void aClosureShowsWhenThePortWasLastSeenInTheTableAndAnExpectationItsReason() throws Exception {
        Notification n = triaged();
        java.time.Instant last = java.time.Instant.parse("2026-10-28T02:00:00Z");
        Finding closed = Finding.portGone(HostIdentity.of("127.0.0.5", "127.0.0.5", "fs1", null), "445/tcp", "microsoft-ds",
                java.time.Instant.parse("2026-01-05T02:00:00Z"), last);
        Finding reminder = Finding.expectationEnded(HostIdentity.of("127.0.0.6", "127.0.0.6", "vendor", null), "3389/tcp", "ms-wbt-server",
                java.time.LocalDate.of(2026, 10, 31), "vendor access, ticket 4711", Severity.HIGH, null, null);
        Notification one = Notification.builder(n.snapshot(), Verdict.given(RunKind.CHANGES, "x", null, null,
                Triage.of(List.of(closed, reminder), HeldBack.none()))).xml(n.xml()).build();

        jakarta.mail.Multipart mixed = (jakarta.mail.Multipart) MailNotifier.of(config().build()).composer().compose(one).getContent();
        jakarta.mail.Multipart alternative = (jakarta.mail.Multipart) mixed.getBodyPart(0).getContent();
        String text = String.valueOf(alternative.getBodyPart(0).getContent());
        String html = String.valueOf(alternative.getBodyPart(1).getContent());

        assertThat(html).contains("<th>Last seen</th>").contains("<td>2026-10-28</td>");
        assertThat(text).contains("(first seen 2026-01-05, last seen 2026-10-28)").contains("vendor access, ticket 4711");
        assertThat(html).contains("still open after its accepted-until date (2026-10-31): vendor access, ticket 4711")
                .doesNotContain("<td>2026-10-31</td>");
    }

    @Test
    void aRenamesOldAndNewNamesAreCutInTheSubjectLikeAnyName() {
        Notification n = triaged();
        String longName = "a".repeat(270) + ".example.com";
        Finding renamed = Finding.hostRenamed(HostIdentity.of("127.0.0.5", "127.0.0.5", "b".repeat(200), null), longName, null);
        Notification one = Notification.builder(n.snapshot(), Verdict.given(RunKind.CHANGES, "x", null, null,
                Triage.of(List.of(renamed), HeldBack.none()))).xml(n.xml()).build();

        String subject = MailComposer.subject(one);

        assertThat(subject).startsWith("nmapdiff: [low] host renamed: 127.0.0.5 " + "a".repeat(64) + "... -> " + "b".repeat(64) + "...");
        assertThat(subject.length()).isLessThan(200);
    }

    @Test
    void mailHasTheSummaryInTheSubjectTextAndHtmlAndTheDiffAndScansAttached() throws Exception {
        Notification n = changes();

        Delivery delivery = MailNotifier.of(config().build(), MailTransport.SMTP, CLOCK).send(n);

        assertThat(delivery).isEqualTo(Delivery.DELIVERED);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2); // one per recipient
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("nmapdiff: 3 changes on 2 hosts");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("nmapdiff@monitor.test");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("secops@example.test", "admin@example.test");
        List<Part> parts = leaves(mail);
        assertThat(parts).extracting(p -> p.getContentType().split(";")[0].toLowerCase())
                .containsExactly("text/plain", "text/html", "text/plain", "application/xml", "application/xml");
        String text = (String) parts.get(0).getContent();
        assertThat(text).startsWith("2 hosts changed: 1 host added, 2 ports opened")
                .contains("compared with 20261101T020000Z").contains("+80/tcp");
        assertThat(parts.get(2).getFileName()).isEqualTo("nmapdiff-20261102T020000Z.diff.txt");
        assertThat(parts.get(3).getFileName()).isEqualTo("scan-20261102T020000Z.xml");
        assertThat(parts.get(4).getFileName()).isEqualTo("scan-20261101T020000Z.xml");
        assertThat(new String(parts.get(4).getInputStream().readAllBytes())).isEqualTo(new String(n.baselineXml()));
    }

    @Test
    void hostileNamesAndBannersCannotAddHeadersOrMarkup() throws Exception {
        MailNotifier.of(config().to().build(), MailTransport.SMTP, CLOCK).send(changes());

        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(mail.getHeader("X-Injected")).isNull();
        assertThat(SMTP.getReceivedMessages()).as("no extra recipient").hasSize(2);
        String html = (String) leaves(mail).get(1).getContent();
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;banner&#39;)&lt;/script&gt;")
                .contains("evil.test");
        assertThat(GreenMailUtil.getHeaders(mail)).doesNotContain("victim@example.test").doesNotContain("X-Injected");
    }

    @Test
    void whenSmtpIsDownTheMailWaitsInTheOutboxAndTheNextRunSendsIt() throws Exception {
        SMTP.stop();
        MailNotifier notifier = MailNotifier.of(config().timeout(java.time.Duration.ofSeconds(2)).build(), MailTransport.SMTP, CLOCK);

        Delivery delivery = notifier.send(changes());

        assertThat(delivery).isEqualTo(Delivery.QUEUED);
        List<Path> waiting = eml(dir.resolve("outbox"));
        assertThat(waiting).extracting(p -> p.getFileName().toString()).containsExactly("20261102T020500Z-changes.eml");
        assertThat(notifier.retryPending()).as("the server is still down").isZero();

        SMTP.start();
        assertThat(notifier.retryPending()).isEqualTo(1);

        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("nmapdiff: 3 changes on 2 hosts");
        assertThat(eml(dir.resolve("outbox"))).isEmpty();
        assertThat(eml(dir.resolve("outbox/sent"))).hasSize(1);
    }

    @Test
    void withoutAnSmtpServerTheMailGoesToTheOutboxAsAnEmlFileAnyClientOpens() throws Exception {
        MailNotifier notifier = MailNotifier.of(config().host(null).build(), MailTransport.SMTP, CLOCK);

        assertThat(notifier.send(changes())).isEqualTo(Delivery.QUEUED);

        Path file = eml(dir.resolve("outbox")).get(0);
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(mail.getSubject()).isEqualTo("nmapdiff: 3 changes on 2 hosts");
            assertThat((String) leaves(mail).get(0).getContent()).contains("+80/tcp");
        }
        assertThat(notifier.retryPending()).as("nothing to send to").isZero();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void attachmentsOverTheCapAreLeftOutAndNamed() throws Exception {
        MailNotifier.of(config().attachmentLimit(100).build(), MailTransport.SMTP, CLOCK).send(changes());

        List<Part> parts = leaves(SMTP.getReceivedMessages()[0]);
        assertThat(parts).hasSize(2);
        assertThat((String) parts.get(0).getContent()).contains("Not attached, too large").contains("scan-20261102T020000Z.xml");
    }

    @Test
    void authenticatesWithThePasswordFromAFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("smtp-password"), "s3cret\n");

        Delivery delivery = MailNotifier.of(config().user("nmapdiff").passwordFromFile(secret).build(), MailTransport.SMTP, CLOCK)
                .send(changes());

        assertThat(delivery).isEqualTo(Delivery.DELIVERED);
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }

    @Test
    void subjectsSayWhatKindOfRunItWas() {
        Notification n = changes();
        assertThat(MailComposer.subject(Notification.builder(n.snapshot(), Verdict.given(RunKind.BASELINE, "baseline", null, null, Triage.none()))
                .xml(n.xml()).build()))
                .isEqualTo("nmapdiff: baseline recorded (2 hosts)");
        assertThat(MailComposer.subject(Notification.builder(n.snapshot(), Verdict.given(RunKind.INCOMPLETE, "x", n.baseline(), n.ndiff(), Triage.none()))
                .ndiffText(n.ndiffText())
                .xml(n.xml()).build())).isEqualTo("nmapdiff: INCOMPLETE scan, 3 changes on 2 hosts");
    }

    private static List<Path> eml(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
    }

    /** The leaf parts of a message, depth first. */
    private static List<Part> leaves(Part part) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            List<Part> all = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                all.addAll(leaves(child));
            }
            return all;
        }
        return Collections.singletonList(part);
    }
}
