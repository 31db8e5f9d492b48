package io.github.nmapdiff.notify.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.nmapdiff.core.spi.Notifier;
import io.github.nmapdiff.core.testing.BannerServer;
import io.github.nmapdiff.testkit.NotifierContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The mail notifier passes the notifier contract, delivering to a real SMTP server on loopback. */
class MailNotifierContractTest extends NotifierContract {
    private static final int SMTP_PORT;

    static {
        try {
            SMTP_PORT = BannerServer.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(true);

    @TempDir
    Path dir;

    @Override
    protected Notifier newNotifier() {
        return MailNotifier.of(MailConfig.builder().host("127.0.0.1").port(SMTP_PORT).tls(MailConfig.Tls.NONE)
                .from("nmapdiff@monitor.test").to("secops@example.test").outbox(dir.resolve("outbox")).build());
    }

    @Override
    protected int delivered() {
        return SMTP.getReceivedMessages().length;
    }
}
