package io.github.nmapdiff.notify.mail;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.NotificationRefusedException;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Notifier;
import io.github.nmapdiff.core.spi.RunKind;
import io.github.nmapdiff.core.support.AtomicFiles;
import jakarta.mail.Address;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Mails what a run found, with Jakarta Mail: a composer writes the mail (a subject with the
 * count of changes, a body in text and HTML, the ndiff text and both scans attached within a
 * size budget); this class delivers it, to the SMTP server when one is set, else to the
 * system's sendmail program, and keeps what it could not deliver.
 *
 * <p>Nothing is lost: when the mail cannot be delivered now, it is written to the outbox
 * folder as an {@code .eml} file (any mail client opens it) and {@link Delivery#QUEUED} is
 * returned; {@link #retryPending()}, at the start of the next run, sends what waits there.
 * Without an SMTP server and without a sendmail program, every mail goes to the outbox.
 *
 * <p>Everything that came from the scanned network (host names, banners, script output) is
 * escaped in the HTML part, and no header holds it: the subject is made of counts only, and
 * is stripped of line breaks all the same. Instances are thread-safe.
 */
public final class MailNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(MailNotifier.class);

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Why the last mail this notifier queued was not taken; null when none was. */
    private volatile @Nullable String lastFailure;

    private final MailConfig config;
    private final MailTransport transport;
    private final Clock clock;
    private final Session session;
    private final MailComposer composer;

    private MailNotifier(MailConfig config, MailTransport transport, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = session(config);
        this.composer = new MailComposer(config, session, clock);
    }

    /**
     * Returns a notifier that sends as configured: through the SMTP server when one is set,
     * else through the system's sendmail program when it is there, else to the outbox only.
     */
    public static MailNotifier of(MailConfig config) {
        MailTransport transport = config.route() == MailConfig.Route.SENDMAIL ? SendmailTransport.of(config.sendmail())
                : MailTransport.SMTP;
        return new MailNotifier(config, transport, Clock.systemUTC());
    }

    /** Returns a notifier with another transport and clock, for tests and embedding. */
    public static MailNotifier of(MailConfig config, MailTransport transport, Clock clock) {
        return new MailNotifier(config, transport, clock);
    }

    /** The composer of this notifier's mails, for the tests of what a mail says. */
    MailComposer composer() {
        return composer;
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
        // one refused recipient must not keep the mail from the others
        p.put("mail." + protocol + ".sendpartial", "true");
        if (c.tls() == MailConfig.Tls.STARTTLS || c.tls() == MailConfig.Tls.OPPORTUNISTIC) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", Boolean.toString(c.tls() == MailConfig.Tls.STARTTLS));
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
            message = composer.compose(notification);
        } catch (MessagingException | RuntimeException e) {
            // thrown on: the run stays unreported and is given again on the next run
            throw new NmapDiffException("cannot compose the mail: " + e.getMessage(), e);
        }
        if (config.route() == MailConfig.Route.OUTBOX) {
            Path file = queue(message, notification.kind());
            LOG.info("no SMTP server is set and there is no sendmail program ({}); the mail is in {}", config.sendmail().get(0), file);
            return Delivery.QUEUED;
        }
        try {
            deliver(message);
            LOG.info("mailed {} to {}", MailComposer.subject(notification), config.recipients());
            return Delivery.DELIVERED;
        } catch (MessagingException e) {
            String partly = partlyDelivered(e);
            if (partly != null) {
                // those who got it must not get it twice: nothing is queued, the refusal is reported
                throw new NotificationRefusedException(config.destination() + " " + partly
                        + ": check the refused addresses", e);
            }
            if (permanent(e)) {
                Path kept = setAside(message, notification.kind(), rootMessage(e));
                throw new NotificationRefusedException(config.destination() + " refused the mail for good ("
                        + rootMessage(e) + "); it is kept in " + kept + ": check the addresses, then send it by hand", e);
            }
            Path file = queue(message, notification.kind());
            lastFailure = rootMessage(e);
            LOG.warn("cannot hand the mail to {} ({}); it waits in {} and is sent on the next run", config.destination(),
                    rootMessage(e), file);
            return Delivery.QUEUED;
        }
    }

    /**
     * Hands a message to the transport within the configured deadline: a server that trickles
     * its answer a line at a time must not hold the run, and its lock, for ever. The transport
     * left behind on a timeout runs on a daemon thread and ends with the process.
     */
    private void deliver(MimeMessage message) throws MessagingException {
        FutureTask<Void> task = new FutureTask<>(() -> {
            transport.send(message);
            return null;
        });
        Thread thread = new Thread(task, "nmapdiff-smtp");
        thread.setDaemon(true);
        thread.start();
        try {
            task.get(config.deadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new MessagingException(config.destination() + " did not take the mail within "
                    + config.deadline().toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MessagingException m) {
                throw m;
            }
            throw new MessagingException(String.valueOf(e.getCause()), e.getCause() instanceof Exception x ? x : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted while sending the mail");
        }
    }

    /**
     * Says to whom a mail was delivered and for whom it was refused, when the server took it for
     * some recipients only; null when it did not.
     */
    static @Nullable String partlyDelivered(MessagingException e) {
        for (Exception t = e; t != null; t = t instanceof MessagingException m ? m.getNextException() : null) {
            if (t instanceof SendFailedException f && f.getValidSentAddresses() != null && f.getValidSentAddresses().length > 0
                    && f.getInvalidAddresses() != null && f.getInvalidAddresses().length > 0) {
                List<String> refusals = new ArrayList<>();
                for (Exception n = f.getNextException(); n != null; n = n instanceof MessagingException m ? m.getNextException() : null) {
                    if (n instanceof SMTPAddressFailedException a) {
                        refusals.add(a.getAddress() + " (" + MailComposer.oneLine(String.valueOf(a.getMessage())) + ")");
                    }
                }
                if (refusals.isEmpty()) {
                    for (Address a : f.getInvalidAddresses()) {
                        refusals.add(a.toString());
                    }
                }
                List<String> sent = new ArrayList<>();
                for (Address a : f.getValidSentAddresses()) {
                    sent.add(a.toString());
                }
                return "delivered the mail to " + String.join(", ", sent) + " but refused it for " + String.join(", ", refusals);
            }
        }
        return null;
    }

    /**
     * Returns why the last mail this notifier could not hand over waits (the server's or the
     * MTA's words), for a caller that tells the user what to fix.
     *
     * @return the reason, or empty when every mail so far was taken
     */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** A refusal that sending again would not change: a 5xx reply, or every recipient refused. */
    static boolean permanent(MessagingException e) {
        if (e instanceof SendmailTransport.SendmailException s) {
            return !s.temporary();
        }
        for (Exception t = e; t != null; ) {
            if (t instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof SendFailedException f && f.getInvalidAddresses() != null && f.getInvalidAddresses().length > 0
                    && (f.getValidSentAddresses() == null || f.getValidSentAddresses().length == 0)
                    && (f.getValidUnsentAddresses() == null || f.getValidUnsentAddresses().length == 0)) {
                return true;
            }
            t = t instanceof MessagingException m ? m.getNextException() : null;
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()).strip() : (e.getMessage() + ": " + t.getMessage()).strip();
    }

    /** Counts the mails waiting to be sent to the configured server; none when mail only goes to the outbox. */
    @Override
    public int pending() {
        return config.route() != MailConfig.Route.OUTBOX ? waiting().size() : 0;
    }

    private List<Path> waiting() {
        List<Path> waiting = new ArrayList<>();
        if (!Files.isDirectory(config.outbox())) {
            return waiting;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(config.outbox(), "*.eml")) {
            files.forEach(waiting::add);
        } catch (IOException e) {
            LOG.warn("cannot list the outbox {}: {}", config.outbox(), e.toString());
        }
        waiting.sort(null);
        return waiting;
    }

    /**
     * Sends what waits in the outbox, oldest first. A mail the server refuses for good (5xx), or
     * that cannot be read, is set aside in {@code outbox/failed/} with the reason beside it and
     * does not hold back the others; one refused for now stays for the next run. When the
     * server cannot be reached at all, the rest wait too. A mail sent again keeps its
     * Message-ID, so a mail client shows one mail even if it was sent once before.
     *
     * @throws NotificationRefusedException when some were set aside; the message says how many, why and where
     */
    @Override
    public synchronized int retryPending() {
        clearTemporaryFiles();
        pruneSent();
        if (config.route() == MailConfig.Route.OUTBOX) {
            return 0;
        }
        List<Path> waiting = waiting();
        int sent = 0;
        List<String> setAside = new ArrayList<>();
        for (Path file : waiting) {
            MimeMessage message;
            try (InputStream in = Files.newInputStream(file)) {
                if (Files.size(file) == 0) {
                    throw new MessagingException("the file is empty");
                }
                message = new StoredMessage(session, in);
            } catch (IOException | MessagingException e) {
                setAside.add(moveToFailed(file, "cannot be read as a mail: " + e.getMessage()));
                continue;
            }
            try {
                deliver(message);
                moveToSent(file);
                sent++;
            } catch (MessagingException e) {
                String partly = partlyDelivered(e);
                if (partly != null) {
                    moveToSent(file);
                    sent++;
                    setAside.add(file.getFileName() + " (the server " + partly + ")");
                    continue;
                }
                if (permanent(e)) {
                    setAside.add(moveToFailed(file, rootMessage(e)));
                    continue;
                }
                lastFailure = rootMessage(e);
                LOG.warn("{} did not take {} ({}); it waits for the next run", config.destination(), file.getFileName(),
                        rootMessage(e));
                if (unreachable(e)) {
                    break;
                }
            }
        }
        if (sent > 0) {
            LOG.info("sent {} mail(s) that waited in the outbox", sent);
        }
        if (!setAside.isEmpty()) {
            throw new NotificationRefusedException(setAside.size() + (setAside.size() == 1 ? " mail" : " mails")
                    + " from the outbox could not be delivered to every recipient; those refused whole are set aside in "
                    + config.outbox().resolve("failed") + ": " + String.join("; ", setAside), null);
        }
        return sent;
    }

    /** Moves a sent mail to {@code sent/}; one that cannot be moved is sent again next time, with the same Message-ID. */
    private void moveToSent(Path file) {
        Path sentFolder = config.outbox().resolve("sent");
        try {
            AtomicFiles.createFolder(sentFolder, AtomicFiles.Access.OWNER);
            Files.move(file, sentFolder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("sent {}, but cannot move it to {}: {}; it will be sent again with the same Message-ID", file, sentFolder,
                    e.toString());
        }
    }

    /** The server or the network is down: the other mails would fail the same way. */
    private static boolean unreachable(MessagingException e) {
        return e instanceof MailConnectException || e instanceof SendmailTransport.SendmailException
                || e.getCause() instanceof IOException
                || String.valueOf(e.getMessage()).contains("did not take the mail within");
    }

    /** Moves an outbox mail to {@code failed/}, with the reason in a {@code .reason.txt} beside it; returns a line for the report. */
    private String moveToFailed(Path file, String reason) {
        Path failed = config.outbox().resolve("failed");
        try {
            AtomicFiles.createFolder(failed, AtomicFiles.Access.OWNER);
            AtomicFiles.writeAtomically(failed.resolve(file.getFileName() + ".reason.txt"),
                    (reason + "\n").getBytes(StandardCharsets.UTF_8), AtomicFiles.Access.OWNER);
            Files.move(file, failed.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("cannot set {} aside in {}: {}", file, failed, e.toString());
        }
        LOG.warn("{} set aside in {}: {}", file.getFileName(), failed, reason);
        return file.getFileName() + " (" + reason + ")";
    }

    /** Keeps a message the server refused for good in {@code failed/}; returns where. */
    private Path setAside(MimeMessage message, RunKind kind, String reason) {
        Path file = queue(message, kind);
        moveToFailed(file, reason);
        return config.outbox().resolve("failed").resolve(file.getFileName());
    }

    private void clearTemporaryFiles() {
        try {
            for (String name : AtomicFiles.removeTemporaryFiles(config.outbox())) {
                LOG.info("removed {} from the outbox, left by an interrupted write", name);
            }
        } catch (IOException e) {
            LOG.warn("cannot clear the temporary files of {}: {}", config.outbox(), e.toString());
        }
    }

    /** Sent copies are kept for a while (a record of what went out), not for ever. */
    private void pruneSent() {
        Path sent = config.outbox().resolve("sent");
        if (!Files.isDirectory(sent)) {
            return;
        }
        Instant limit = clock.instant().minus(config.keepSent());
        try (DirectoryStream<Path> files = Files.newDirectoryStream(sent, "*.eml")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(limit)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot prune {}: {}", sent, e.toString());
        }
    }

    /** Writes a message to the outbox, whole or not at all, forced to disk and readable by its owner only. */
    private Path queue(MimeMessage message, RunKind kind) {
        try {
            AtomicFiles.createFolder(config.outbox(), AtomicFiles.Access.OWNER);
            String base = FILE_TIME.format(clock.instant()) + "-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
            Path file = config.outbox().resolve(base + ".eml");
            for (int n = 2; Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.exists(config.outbox().resolve("failed")
                    .resolve(file.getFileName()), LinkOption.NOFOLLOW_LINKS); n++) {
                file = config.outbox().resolve(base + "-" + n + ".eml");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            AtomicFiles.writeAtomically(file, bytes.toByteArray(), AtomicFiles.Access.OWNER);
            return file;
        } catch (IOException | MessagingException e) {
            throw new NmapDiffException("the mail could neither be sent nor kept in the outbox " + config.outbox() + ": "
                    + (e instanceof IOException io ? AtomicFiles.describe(io) : e.getMessage())
                    + "; check that the folder is writable and the disk not full", e);
        }
    }

    /** A message read back from the outbox: sending it again keeps its Message-ID. */
    private static final class StoredMessage extends MimeMessage {
        StoredMessage(Session session, InputStream in) throws MessagingException {
            super(session, in);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }
}
