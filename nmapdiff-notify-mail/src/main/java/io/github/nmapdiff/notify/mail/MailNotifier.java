package io.github.nmapdiff.notify.mail;

import io.github.nmapdiff.core.MonitorReport;
import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.diff.HostRef;
import io.github.nmapdiff.core.model.Service;
import io.github.nmapdiff.core.render.ServiceText;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Notifier;
import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails what a run found, with Jakarta Mail: a subject with the count of changes, a body in
 * text and HTML, and the ndiff text and both scans attached (up to a size cap).
 *
 * <p>Nothing is lost: when the SMTP server cannot be reached, the message is written to the
 * outbox folder as an {@code .eml} file (any mail client opens it) and {@link Delivery#QUEUED}
 * is returned; {@link #retryPending()}, at the start of the next run, sends what waits there.
 * With no SMTP server configured, every message goes to the outbox.
 *
 * <p>Everything that came from the scanned network (host names, banners, script output) is
 * escaped in the HTML part, and no header holds it: the subject is made of counts only, and
 * is stripped of line breaks all the same. Instances are thread-safe.
 */
public final class MailNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(MailNotifier.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final MailConfig config;
    private final MailTransport transport;
    private final Clock clock;
    private final Session session;

    private MailNotifier(MailConfig config, MailTransport transport, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = session(config);
    }

    /** Returns a notifier that sends through SMTP as configured. */
    public static MailNotifier of(MailConfig config) {
        return new MailNotifier(config, MailTransport.SMTP, Clock.systemUTC());
    }

    /** Returns a notifier with another transport and clock, for tests and embedding. */
    public static MailNotifier of(MailConfig config, MailTransport transport, Clock clock) {
        return new MailNotifier(config, transport, clock);
    }

    @Override
    public String id() {
        return "mail";
    }

    private static Session session(MailConfig c) {
        Properties p = new Properties();
        String protocol = c.tls() == MailConfig.Tls.SMTPS ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        if (c.host() != null) {
            p.put("mail." + protocol + ".host", c.host());
            p.put("mail." + protocol + ".port", Integer.toString(c.port()));
        }
        String millis = Long.toString(c.timeout().toMillis());
        p.put("mail." + protocol + ".connectiontimeout", millis);
        p.put("mail." + protocol + ".timeout", millis);
        p.put("mail." + protocol + ".writetimeout", millis);
        p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        if (c.tls() == MailConfig.Tls.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (c.sslTrust() != null) {
            p.put("mail." + protocol + ".ssl.trust", c.sslTrust());
        }
        Authenticator authenticator = null;
        if (c.user() != null) {
            p.put("mail." + protocol + ".auth", "true");
            String user = c.user();
            String password = c.password();
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        return Session.getInstance(p, authenticator);
    }

    // ---------------------------------------------------------------- sending

    @Override
    public Delivery send(Notification notification) {
        MimeMessage message;
        try {
            message = compose(notification);
        } catch (MessagingException e) {
            throw new NmapDiffException("cannot compose the mail: " + e.getMessage(), e);
        }
        if (!config.hasServer()) {
            Path file = queue(message, notification.kind());
            LOG.info("no SMTP server configured; the mail is in {}", file);
            return Delivery.QUEUED;
        }
        try {
            transport.send(message);
            LOG.info("mailed {} to {}", subject(notification), config.recipients());
            return Delivery.DELIVERED;
        } catch (MessagingException e) {
            Path file = queue(message, notification.kind());
            LOG.warn("cannot reach the SMTP server {}:{} ({}); the mail waits in {} and is sent on the next run",
                    config.host(), config.port(), rootMessage(e), file);
            return Delivery.QUEUED;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + t.getMessage();
    }

    @Override
    public synchronized int retryPending() {
        if (!config.hasServer() || !Files.isDirectory(config.outbox())) {
            return 0;
        }
        List<Path> waiting = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(config.outbox(), "*.eml")) {
            files.forEach(waiting::add);
        } catch (IOException e) {
            LOG.warn("cannot list the outbox {}: {}", config.outbox(), e.toString());
            return 0;
        }
        waiting.sort(null);
        int sent = 0;
        for (Path file : waiting) {
            try (InputStream in = Files.newInputStream(file)) {
                transport.send(new MimeMessage(session, in));
                Path sentFolder = Files.createDirectories(config.outbox().resolve("sent"));
                Files.move(file, sentFolder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                sent++;
            } catch (MessagingException e) {
                LOG.warn("the SMTP server still cannot be reached ({}); {} mail(s) wait in {}", rootMessage(e),
                        waiting.size() - sent, config.outbox());
                break;
            } catch (IOException e) {
                LOG.warn("cannot read {} from the outbox: {}", file, e.toString());
            }
        }
        if (sent > 0) {
            LOG.info("sent {} mail(s) that waited in the outbox", sent);
        }
        return sent;
    }

    /** Writes a message to the outbox, whole or not at all. */
    private Path queue(MimeMessage message, MonitorReport.Kind kind) {
        try {
            Files.createDirectories(config.outbox());
            String base = FILE_TIME.format(clock.instant()) + "-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
            Path file = config.outbox().resolve(base + ".eml");
            for (int n = 2; Files.exists(file); n++) {
                file = config.outbox().resolve(base + "-" + n + ".eml");
            }
            Path temporary = config.outbox().resolve("." + file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                message.writeTo(out);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException | MessagingException e) {
            throw new NmapDiffException("the mail could neither be sent nor kept in the outbox " + config.outbox() + ": "
                    + e.getMessage() + "; check that the folder is writable and the disk not full", e);
        }
    }

    // ---------------------------------------------------------------- composing

    /** Returns the subject: counts only, never text from the network. */
    static String subject(Notification n) {
        List<Change> changes = n.changes();
        long hosts = changes.stream().map(Change::host).filter(Objects::nonNull).map(HostRef::name).distinct().count();
        String counts = changes.size() + (changes.size() == 1 ? " change" : " changes") + " on " + hosts + (hosts == 1 ? " host" : " hosts");
        String subject = switch (n.kind()) {
            case CHANGES -> "nmapdiff: " + counts;
            case NO_CHANGES -> "nmapdiff: no changes";
            case BASELINE -> "nmapdiff: baseline recorded (" + n.snapshot().hosts() + (n.snapshot().hosts() == 1 ? " host)" : " hosts)");
            case SCOPE_CHANGED -> "nmapdiff: targets or scan arguments changed, new baseline";
            case INCOMPLETE -> "nmapdiff: INCOMPLETE scan, " + counts;
        };
        return oneLine(subject);
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }

    MimeMessage compose(Notification n) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(address(config.from()));
        List<InternetAddress> to = new ArrayList<>();
        for (String r : config.recipients()) {
            to.add(address(r));
        }
        message.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
        message.setSubject(subject(n), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("X-Mailer", "nmapdiff");

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        List<String> omitted = new ArrayList<>();
        List<MimeBodyPart> attachments = attachments(n, omitted);
        text.setText(textBody(n, omitted), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(htmlBody(n, omitted), "UTF-8", "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);

        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        attachments.forEach(a -> {
            try {
                mixed.addBodyPart(a);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    private static InternetAddress address(String text) throws AddressException {
        InternetAddress a = new InternetAddress(text, true);
        a.validate();
        return a;
    }

    private List<MimeBodyPart> attachments(Notification n, List<String> omitted) throws MessagingException {
        List<MimeBodyPart> parts = new ArrayList<>();
        if (!n.ndiffText().isEmpty()) {
            attach(parts, omitted, "nmapdiff-" + n.snapshot().id() + ".diff.txt", n.ndiffText().getBytes(StandardCharsets.UTF_8),
                    "text/plain; charset=UTF-8");
        }
        attach(parts, omitted, "scan-" + n.snapshot().id() + ".xml", n.xml(), "application/xml");
        if (n.baseline() != null && n.baselineXml() != null) {
            attach(parts, omitted, "scan-" + n.baseline().id() + ".xml", n.baselineXml(), "application/xml");
        }
        return parts;
    }

    private void attach(List<MimeBodyPart> parts, List<String> omitted, String name, byte[] bytes, String type)
            throws MessagingException {
        if (bytes.length > config.attachmentLimit()) {
            omitted.add(name + " (" + bytes.length / 1024 + " KiB, over the " + config.attachmentLimit() / 1024 + " KiB limit)");
            return;
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        // base64 keeps the bytes exactly, line endings included; a text encoding would make them CRLF
        part.setHeader("Content-Transfer-Encoding", "base64");
        parts.add(part);
    }

    private static String textBody(Notification n, List<String> omitted) {
        StringBuilder b = new StringBuilder();
        b.append(n.summary()).append("\n\n");
        b.append("Scan ").append(n.snapshot().id()).append(" (").append(n.snapshot().start()).append(", ")
                .append(n.snapshot().complete() ? "complete" : "INCOMPLETE").append(", ").append(n.snapshot().hosts()).append(" hosts)");
        if (n.baseline() != null) {
            b.append(" compared with ").append(n.baseline().id()).append(" (").append(n.baseline().start()).append(")");
        }
        b.append(".\n");
        for (String w : n.warnings()) {
            b.append("Warning: ").append(w).append('\n');
        }
        if (!n.ndiffText().isEmpty()) {
            b.append('\n').append(n.ndiffText());
        }
        if (!omitted.isEmpty()) {
            b.append("\nNot attached, too large (the files are in the snapshot folder): ").append(String.join(", ", omitted)).append('\n');
        }
        return b.toString();
    }

    private static String htmlBody(Notification n, List<String> omitted) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>nmapdiff</title></head>"
                + "<body style=\"font-family:sans-serif\">\n");
        b.append("<h2>").append(Html.escape(n.summary())).append("</h2>\n");
        b.append("<p>Scan ").append(Html.escape(n.snapshot().id())).append(" (").append(n.snapshot().start()).append(", ")
                .append(n.snapshot().complete() ? "complete" : "<strong>incomplete</strong>").append(", ")
                .append(n.snapshot().hosts()).append(" hosts)");
        if (n.baseline() != null) {
            b.append(" compared with ").append(Html.escape(n.baseline().id()));
        }
        b.append(".</p>\n");
        for (String w : n.warnings()) {
            b.append("<p><strong>Warning:</strong> ").append(Html.escape(w)).append("</p>\n");
        }
        List<Change> changes = n.changes();
        if (!changes.isEmpty()) {
            b.append("<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">\n"
                    + "<tr><th>Change</th><th>Host</th><th>Port</th><th>Before</th><th>After</th></tr>\n");
            for (Change c : changes) {
                String[] cells = row(c);
                b.append("<tr>");
                for (String cell : cells) {
                    b.append("<td>").append(Html.escape(cell)).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</table>\n");
        }
        if (!n.ndiffText().isEmpty()) {
            b.append("<h3>ndiff</h3>\n<pre>").append(Html.escape(n.ndiffText())).append("</pre>\n");
        }
        if (!omitted.isEmpty()) {
            b.append("<p>Not attached, too large: ").append(Html.escape(String.join(", ", omitted))).append("</p>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    /** One table row of a change: kind, host, port, before, after. */
    static String[] row(Change c) {
        String host = c.host() == null ? "" : c.host().name();
        if (c instanceof Change.PortOpened o) {
            return new String[] {"port opened", host, o.port().toString(), state(o.before()), "open " + service(o.service())};
        }
        if (c instanceof Change.PortClosed o) {
            return new String[] {"port closed", host, o.port().toString(), "open " + service(o.service()), state(o.after())};
        }
        if (c instanceof Change.PortStateChanged s) {
            return new String[] {"port state changed", host, s.port().toString(), state(s.before()), state(s.after())};
        }
        if (c instanceof Change.ServiceChanged s) {
            return new String[] {"service changed", host, s.port().toString(), service(s.before()), service(s.after())};
        }
        if (c instanceof Change.ScriptChanged s) {
            return new String[] {"script " + s.id(), host, s.port() == null ? "" : s.port().toString(), nullToDash(s.before()),
                nullToDash(s.after())};
        }
        if (c instanceof Change.HostAdded a) {
            return new String[] {"host added", host, "", "", state(a.state())};
        }
        if (c instanceof Change.HostRemoved r) {
            return new String[] {"host removed", host, "", state(r.state()), ""};
        }
        if (c instanceof Change.HostStateChanged s) {
            return new String[] {"host state changed", host, "", state(s.before()), state(s.after())};
        }
        if (c instanceof Change.HostIdentityChanged i) {
            return new String[] {"host name or address changed", host, "", i.before().name(), host};
        }
        if (c instanceof Change.ExtraPortsChanged e) {
            return new String[] {"unlisted ports changed", host, "", e.before(), e.after()};
        }
        if (c instanceof Change.OsChanged o) {
            return new String[] {"OS guess changed", host, "", String.join("; ", o.before()), String.join("; ", o.after())};
        }
        return new String[] {c.kind(), host, "", "", ""};
    }

    private static String state(Object state) {
        return state == null ? "not listed" : state.toString();
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }

    private static String service(Service s) {
        return ServiceText.describe(s);
    }
}
