package io.github.nmapdiff.notify.mail;

import io.github.nmapdiff.core.spi.RunKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.nmapdiff.core.NotificationRefusedException;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.model.Triage;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Verdict;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.testing.BannerServer;
import io.github.nmapdiff.testkit.TestScans;
import io.github.nmapdiff.core.testing.Tool;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail through the system's real sendmail program, as the shell script's mutt sent it: Debian's
 * msmtp-mta, told on its command line to relay to an SMTP server this test starts on loopback.
 */
class SendmailDeliveryTest {
    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(true);

    private static final Instant DAY_1 = Instant.parse("2026-11-01T02:00:00Z");

    @TempDir
    Path dir;

    @BeforeAll
    static void sendmailIsInstalled() {
        Tool.require("sendmail");
    }

    private static int freePort() {
        try {
            return BannerServer.freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** msmtp's sendmail, relaying to 127.0.0.1:port without TLS. */
    private static List<String> sendmail(int port) {
        return List.of("/usr/sbin/sendmail", "--host=127.0.0.1", "--port=" + port, "--tls=off", "--from=nmapdiff@monitor.test",
                "-t", "-oi");
    }

    private MailConfig.Builder config(int port, String to) {
        return MailConfig.builder().from("nmapdiff@monitor.test").to(to).outbox(dir.resolve("outbox")).sendmail(sendmail(port));
    }

    private static Notification baseline() {
        Scan scan = TestScans.scan(DAY_1, true, "127.0.0.1:22");
        Snapshot snapshot = Snapshot.builder("20261101T020000Z", DAY_1).scope(List.of("127.0.0.1"), List.of("-sV")).hosts(1)
                .run(null, "baseline", null).build();
        return Notification.builder(snapshot, Verdict.given(RunKind.BASELINE, "baseline recorded: 1 host", null, null, Triage.none()))
                .xml(TestScans.xml(scan)).build();
    }

    @Test
    void withoutAnSmtpServerTheMailGoesThroughSendmailAndArrives() throws Exception {
        MailConfig config = config(SMTP_PORT, "secops@example.test").build();
        assertThat(config.route()).isEqualTo(MailConfig.Route.SENDMAIL);

        Delivery delivery = MailNotifier.of(config).send(baseline());

        assertThat(delivery).isEqualTo(Delivery.DELIVERED);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("nmapdiff: baseline recorded (1 host)");
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("secops@example.test");
        });
        assertThat(dir.resolve("outbox")).doesNotExist();
    }

    /**
     * Each sysexits code decided as the message's fault or the machine's: a recipient unknown
     * (67) is refused for good and set aside; the MTA not configured (78), not permitted (77),
     * unavailable (69) or an exit code outside the table keep the mail for the next try, with
     * the code's meaning in the reason.
     */
    @Test
    void eachExitCodeOfSendmailIsTheMessagesFaultOrTheMachinesAndSaysWhich() throws Exception {
        for (int code : new int[] {78, 77, 69, 1}) {
            Path script = java.nio.file.Files.writeString(dir.resolve("sendmail-" + code), "#!/bin/sh\ncat > /dev/null\necho 'it failed' >&2\nexit "
                    + code + "\n");
            java.nio.file.Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            MailNotifier mail = MailNotifier.of(MailConfig.builder().from("nmapdiff@monitor.test").to("secops@example.test")
                    .outbox(dir.resolve("outbox-" + code)).sendmail(List.of(script.toString(), "-t", "-oi")).build());
            assertThat(mail.send(baseline())).as("exit %d keeps the mail", code).isEqualTo(Delivery.QUEUED);
            assertThat(mail.lastFailure()).get().asString().contains("exit " + code + ": " + SendmailTransport.meaning(code));
        }
        assertThat(SendmailTransport.meaning(78)).startsWith("the MTA is not configured");
        Path unknown = java.nio.file.Files.writeString(dir.resolve("sendmail-67"), "#!/bin/sh\ncat > /dev/null\nexit 67\n");
        java.nio.file.Files.setPosixFilePermissions(unknown, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        MailNotifier refused = MailNotifier.of(MailConfig.builder().from("nmapdiff@monitor.test").to("nobody@example.test")
                .outbox(dir.resolve("outbox-67")).sendmail(List.of(unknown.toString(), "-t", "-oi")).build());
        assertThatThrownBy(() -> refused.send(baseline())).isInstanceOf(NotificationRefusedException.class)
                .hasMessageContaining("exit 67: a recipient is unknown");
        assertThat(dir.resolve("outbox-67").resolve("failed")).isDirectory();
    }

    @Test
    void aRelayThatIsDownMakesTheMailWaitAndTheNextRunSendsIt() throws Exception {
        int down = freePort();
        MailNotifier failing = MailNotifier.of(config(down, "secops@example.test").build());

        assertThat(failing.send(baseline())).as("sendmail exits 75, a temporary failure").isEqualTo(Delivery.QUEUED);
        assertThat(failing.pending()).isEqualTo(1);

        assertThat(MailNotifier.of(config(SMTP_PORT, "secops@example.test").build()).retryPending()).isEqualTo(1);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aRefusalFromTheRelayIsAPermanentFailureWithItsReason() throws Exception {
        try (ScriptedSmtpServer refusing = ScriptedSmtpServer.refusing()) {
            MailNotifier mail = MailNotifier.of(config(refusing.port(), "refused@example.test").build());

            assertThatThrownBy(() -> mail.send(baseline())).isInstanceOf(NotificationRefusedException.class)
                    .hasMessageContaining("refused the mail for good").hasMessageContaining("550");
            assertThat(mail.pending()).isZero();
        }
        try (var failed = Files.list(dir.resolve("outbox").resolve("failed"))) {
            assertThat(failed.map(Path::toString)).anyMatch(n -> n.endsWith(".eml"));
        }
    }

    @Test
    void aPlainLocalRelayWorksWithTheHostAloneAndAPasswordNeverGoesWithoutTls() {
        MailConfig plain = MailConfig.builder().host("127.0.0.1").to("secops@example.test").outbox(dir.resolve("outbox")).build();
        assertThat(plain.tls()).isEqualTo(MailConfig.Tls.OPPORTUNISTIC);
        assertThat(plain.port()).isEqualTo(25);
        MailConfig login = MailConfig.builder().host("mail.example.test").user("nmapdiff").password("s3cret")
                .to("secops@example.test").outbox(dir.resolve("outbox")).build();
        assertThat(login.tls()).isEqualTo(MailConfig.Tls.STARTTLS);
        assertThat(login.port()).isEqualTo(587);

        Delivery delivery = MailNotifier.of(MailConfig.builder().host("127.0.0.1").port(SMTP_PORT).to("secops@example.test")
                .from("nmapdiff@monitor.test").outbox(dir.resolve("outbox")).build()).send(baseline());

        assertThat(delivery).as("GreenMail offers no STARTTLS; opportunistic goes on without it").isEqualTo(Delivery.DELIVERED);
    }
}
