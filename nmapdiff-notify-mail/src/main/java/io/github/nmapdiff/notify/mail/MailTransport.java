package io.github.nmapdiff.notify.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/** Sends a message: the seam in front of SMTP. The default is Jakarta Mail's {@link Transport}. */
@FunctionalInterface
public interface MailTransport {
    /** Sends through the SMTP server of the message's session. */
    MailTransport SMTP = Transport::send;

    /**
     * Sends a message.
     *
     * @param message the message, never null
     * @throws MessagingException when it cannot be sent
     */
    void send(MimeMessage message) throws MessagingException;
}
