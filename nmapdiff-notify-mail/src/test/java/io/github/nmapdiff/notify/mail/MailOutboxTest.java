package io.github.nmapdiff.notify.mail;

import io.github.nmapdiff.core.spi.RunKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.NotificationRefusedException;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.model.Triage;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Verdict;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.testkit.TestScans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox against SMTP servers that refuse, trickle, or take the mail: one bad mail holds back nothing. */
class MailOutboxTest {
    private static final Instant DAY_1 = Instant.parse("2026-11-01T02:00:00Z");

    @TempDir
    Path dir;

    private Path outbox() {
        return dir.resolve("outbox");
    }

    /** Mail with nowhere to go: no SMTP server and no sendmail program, so only the outbox. */
    private MailConfig.Builder offline(String to) {
        return MailConfig.builder().from("nmapdiff@monitor.test").to(to).outbox(outbox())
                .sendmail(List.of(dir.resolve("no-sendmail-here").toString()));
    }

    private MailConfig.Builder online(int port, String to) {
        return offline(to).host("127.0.0.1").port(port).tls(MailConfig.Tls.NONE);
    }

    private static Notification baseline(String ndiff, byte[] xml) {
        Scan scan = TestScans.scan(DAY_1, true, "127.0.0.1:22");
        Snapshot snapshot = Snapshot.builder("20261101T020000Z", DAY_1).scope(List.of("127.0.0.1"), List.of("-sV")).hosts(1)
                .run(null, "baseline", null).build();
        return Notification.builder(snapshot, Verdict.given(RunKind.BASELINE, "baseline recorded: 1 host", null, null, Triage.none()))
                .ndiffText(ndiff)
                .xml(xml == null ? TestScans.xml(scan) : xml).build();
    }

    /** Queues one mail to {@code to} with a clock at {@code second} seconds, so that file names differ. */
    private Path queue(String to, int second) throws Exception {
        Clock clock = Clock.fixed(DAY_1.plusSeconds(second), ZoneOffset.UTC);
        assertThat(MailNotifier.of(offline(to).build(), MailTransport.SMTP, clock).send(baseline("", null))).isEqualTo(Delivery.QUEUED);
        try (Stream<Path> files = Files.list(outbox())) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    @Test
    void oneRefusedOrBrokenMailIsSetAsideAndTheOthersAreSent() throws Exception {
        Path refused = queue("refused@example.test", 1);
        Path good = queue("secops@example.test", 2);
        Path empty = Files.createFile(outbox().resolve("20261101T020003Z-changes.eml"));
        Path later = queue("admin@example.test", 4);

        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.refusing()) {
            MailNotifier mail = MailNotifier.of(online(smtp.port(), "secops@example.test").build());

            assertThatThrownBy(mail::retryPending).isInstanceOf(NotificationRefusedException.class)
                    .hasMessageContaining("2 mails").hasMessageContaining("550").hasMessageContaining("empty");

            assertThat(smtp.messages).hasSize(2);
            assertThat(mail.pending()).isZero();
        }
        Path failed = outbox().resolve("failed");
        assertThat(failed.resolve(refused.getFileName())).exists();
        assertThat(failed.resolve(empty.getFileName())).exists();
        assertThat(Files.readString(failed.resolve(refused.getFileName() + ".reason.txt"))).contains("550");
        assertThat(outbox().resolve("sent").resolve(good.getFileName())).exists();
        assertThat(outbox().resolve("sent").resolve(later.getFileName())).exists();
    }

    @Test
    void aMailSentAgainKeepsItsMessageId() throws Exception {
        Path queued = queue("secops@example.test", 1);
        String id = Files.readAllLines(queued).stream().filter(l -> l.startsWith("Message-ID:")).findFirst().orElseThrow();

        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.refusing()) {
            MailNotifier.of(online(smtp.port(), "secops@example.test").build()).retryPending();

            assertThat(smtp.messages).singleElement().satisfies(m -> assertThat(m).contains(id));
        }
    }

    @Test
    void aRecipientRefusedForGoodIsReportedAndSetAsideNotRetriedForEver() throws Exception {
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.refusing()) {
            MailNotifier mail = MailNotifier.of(online(smtp.port(), "refused@example.test").build());

            assertThatThrownBy(() -> mail.send(baseline("", null))).isInstanceOf(NotificationRefusedException.class)
                    .hasMessageContaining("refused the mail for good").hasMessageContaining("550");
            assertThat(mail.pending()).isZero();
        }
        try (Stream<Path> files = Files.list(outbox().resolve("failed"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.endsWith(".eml"));
        }
    }

    @Test
    void oneRefusedRecipientAmongSeveralGetsNoMailTheOthersGetItOnceAndTheRefusalIsReported() throws Exception {
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.refusing()) {
            MailNotifier mail = MailNotifier.of(online(smtp.port(), "secops@example.test, refused@example.test").build());

            assertThatThrownBy(() -> mail.send(baseline("", null))).isInstanceOf(NotificationRefusedException.class)
                    .hasMessageContaining("refused@example.test").hasMessageContaining("550")
                    .hasMessageContaining("delivered the mail to secops@example.test");
            assertThat(smtp.messages).hasSize(1);
            assertThat(mail.pending()).as("not queued to be sent to everyone again").isZero();
            mail.retryPending();
            assertThat(smtp.messages).hasSize(1);
        }
    }

    @Test
    void aQueuedMailThatOneRecipientRefusesIsSentOnceToTheOthersAndReported() throws Exception {
        Path queued = queue("secops@example.test, refused@example.test", 1);

        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.refusing()) {
            MailNotifier mail = MailNotifier.of(online(smtp.port(), "secops@example.test").build());

            assertThatThrownBy(mail::retryPending).isInstanceOf(NotificationRefusedException.class)
                    .hasMessageContaining("refused@example.test");
            assertThat(smtp.messages).hasSize(1);
            assertThat(outbox().resolve("sent").resolve(queued.getFileName())).exists();
            assertThat(mail.retryPending()).as("nothing is sent twice").isZero();
            assertThat(smtp.messages).hasSize(1);
        }
    }

    @Test
    void aServerThatTricklesItsGreetingCannotHoldTheRun() throws Exception {
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.trickling()) {
            MailNotifier mail = MailNotifier.of(online(smtp.port(), "secops@example.test").deadline(Duration.ofSeconds(3)).build());

            Delivery delivery = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> mail.send(baseline("", null)));

            assertThat(delivery).isEqualTo(Delivery.QUEUED);
            assertThat(mail.pending()).isEqualTo(1);
        }
    }

    @Test
    void theOutboxIsForItsOwnerOnlyAndLeftoverTemporaryFilesAreCleared() throws Exception {
        Path queued = queue("secops@example.test", 1);
        Path leftover = Files.writeString(outbox().resolve(".20261101T020009Z-changes.eml.tmp"), "half a mail");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(queued))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outbox()))).isEqualTo("rwx------");
        MailNotifier.of(offline("secops@example.test").build()).retryPending();
        assertThat(leftover).doesNotExist();
    }

    @Test
    void aPlantedLinkAtTheTemporaryNameIsNotWrittenThrough() throws Exception {
        Files.createDirectories(outbox());
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious\n");
        Files.createSymbolicLink(outbox().resolve(".20261101T020001Z-baseline.eml.tmp"), victim);

        queue("secops@example.test", 1);

        assertThat(Files.readString(victim)).isEqualTo("precious\n");
    }

    @Test
    void aHugeBannerMakesNoHugeMail() throws Exception {
        String line = "|_banner: " + "A".repeat(200) + "\n";
        String ndiff = line.repeat(1024 * 1024 / line.length() * 4);
        byte[] xml = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(xml, (byte) 'x');
        MailNotifier.of(offline("secops@example.test").attachmentLimit(5L * 1024 * 1024).build(), MailTransport.SMTP,
                Clock.fixed(DAY_1, ZoneOffset.UTC)).send(baseline(ndiff, xml));

        try (Stream<Path> files = Files.list(outbox())) {
            Path mail = files.filter(f -> f.toString().endsWith(".eml")).findFirst().orElseThrow();
            assertThat(Files.size(mail)).as("4 MiB of diff and a 3 MiB scan").isLessThan(8L * 1024 * 1024);
            assertThat(Files.readString(mail)).contains("the whole of it is attached");
        }
    }

    @Test
    void anAddressThatIsNoAddressIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> offline("not an address").build()).isInstanceOf(NmapDiffException.class)
                .hasMessageContaining("'not an address' is not a mail address");
        assertThatThrownBy(() -> offline("secops@example.test").from("nobody").build()).hasMessageContaining("the sender");
    }
}
