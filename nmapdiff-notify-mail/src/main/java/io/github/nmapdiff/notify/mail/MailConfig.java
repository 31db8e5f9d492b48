package io.github.nmapdiff.notify.mail;

import io.github.nmapdiff.core.NmapDiffException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How {@link MailNotifier} sends mail: the SMTP server (or none: then every message goes to
 * the outbox, as {@code .eml} files), TLS, authentication, sender, recipients, the outbox
 * folder and the attachment size cap. The password never comes from the command line: from
 * an environment variable or a file. Instances are immutable and thread-safe.
 */
public final class MailConfig {
    /** How the connection to the SMTP server is protected. */
    public enum Tls {
        /** Plain SMTP (port 25): only for a relay on the same host or network. */
        NONE,
        /**
         * STARTTLS when the server offers it, plain SMTP when it does not (port 25), as MTAs
         * relay: the default without a login, so that a plain local relay works.
         */
        OPPORTUNISTIC,
        /** SMTP upgraded with STARTTLS, which is then required (port 587): the default with a login. */
        STARTTLS,
        /** SMTP over TLS from the start (port 465). */
        SMTPS
    }

    private final @Nullable String host;
    private final int port;
    private final Tls tls;
    private final @Nullable String user;
    private final @Nullable String password;
    private final @Nullable String sslTrust;
    private final String from;
    private final List<String> recipients;
    private final Path outbox;
    private final long attachmentLimit;
    private final Duration timeout;
    private final Duration deadline;
    private final Duration keepSent;
    private final List<String> sendmail;

    /** Where mail goes. */
    public enum Route {
        /** To the configured SMTP server. */
        SMTP,
        /** To the system's sendmail program, and from there the local MTA: what mutt does. */
        SENDMAIL,
        /** Nowhere but the outbox folder: no SMTP server is set and there is no sendmail program. */
        OUTBOX
    }

    private MailConfig(Builder b) {
        this.host = b.host;
        // a password never goes out without TLS unless the user chose so
        this.tls = b.tls != null ? b.tls : b.user != null ? Tls.STARTTLS : Tls.OPPORTUNISTIC;
        this.port = b.port != null ? b.port : switch (tls) {
            case NONE, OPPORTUNISTIC -> 25;
            case STARTTLS -> 587;
            case SMTPS -> 465;
        };
        this.user = b.user;
        this.password = b.password;
        this.sslTrust = b.sslTrust;
        this.from = b.from;
        this.recipients = List.copyOf(b.recipients.isEmpty() ? List.of("root@localhost") : b.recipients);
        this.outbox = Objects.requireNonNull(b.outbox, "outbox");
        this.attachmentLimit = b.attachmentLimit;
        this.timeout = b.timeout;
        this.deadline = b.deadline;
        this.keepSent = b.keepSent;
        this.sendmail = List.copyOf(b.sendmail);
        if (user != null && password == null) {
            throw new NmapDiffException("an SMTP user is set but no password: give it in an environment variable"
                    + " (--smtp-password-env VAR) or a file (--smtp-password-file FILE)");
        }
        // checked now, before any scan: a mail that cannot even be composed would be lost
        checkAddress(from, "the sender (--smtp-from)");
        for (String r : recipients) {
            checkAddress(r, "the recipient (--email)");
        }
        if (user != null && (tls == Tls.NONE || tls == Tls.OPPORTUNISTIC) && host != null) {
            org.slf4j.LoggerFactory.getLogger(MailConfig.class).warn("the SMTP password may be sent to {} without TLS"
                    + " (--smtp-tls {}): anyone on the way can read it; use starttls or smtps", host,
                    tls.name().toLowerCase(Locale.ROOT));
        }
    }

    private static void checkAddress(String address, String what) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            if (!parsed.getAddress().contains("@")) {
                throw new AddressException("no @ in it");
            }
        } catch (AddressException e) {
            throw new NmapDiffException(what + " '" + address.replaceAll("\\p{Cntrl}", "?") + "' is not a mail address ("
                    + e.getMessage() + "); give one like secops@example.com");
        }
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the SMTP host; null when mail only goes to the outbox. */
    public @Nullable String host() {
        return host;
    }

    /** Returns the SMTP port. */
    public int port() {
        return port;
    }

    /** Returns how the connection is protected, the default resolved. */
    public Tls tls() {
        return tls;
    }

    /** Returns the SMTP user; null for none. */
    public @Nullable String user() {
        return user;
    }

    @Nullable String password() {
        return password;
    }

    /** Returns the hosts whose certificates are trusted without a chain ({@code mail.smtp.ssl.trust}); null for none. */
    public @Nullable String sslTrust() {
        return sslTrust;
    }

    /** Returns the sender. */
    public String from() {
        return from;
    }

    /** Returns the recipients; never empty. */
    public List<String> recipients() {
        return recipients;
    }

    /** Returns the folder of messages waiting to be sent. */
    public Path outbox() {
        return outbox;
    }

    /** Returns the largest attachment, in bytes; a larger one is left out and the body says so. */
    public long attachmentLimit() {
        return attachmentLimit;
    }

    /** Returns the connection and read timeout. */
    public Duration timeout() {
        return timeout;
    }

    /** Returns how long one delivery to the server may take in all, however the server trickles its replies. */
    public Duration deadline() {
        return deadline;
    }

    /** Returns how long copies of sent mails stay in {@code outbox/sent/}. */
    public Duration keepSent() {
        return keepSent;
    }

    /** Returns whether an SMTP server is configured. */
    public boolean hasServer() {
        return host != null;
    }

    /** Returns the sendmail program and its arguments, used when no SMTP server is set; never null. */
    public List<String> sendmail() {
        return sendmail;
    }

    /** Returns where mail goes: the SMTP server if one is set, else sendmail if the program is there, else the outbox. */
    public Route route() {
        if (host != null) {
            return Route.SMTP;
        }
        return SendmailTransport.of(sendmail).available() ? Route.SENDMAIL : Route.OUTBOX;
    }

    /** Returns where mail goes, for people: {@code the SMTP server mail.example.com:25}, {@code sendmail (/usr/sbin/sendmail)}. */
    public String destination() {
        return switch (route()) {
            case SMTP -> "the SMTP server " + host + ":" + port;
            case SENDMAIL -> "sendmail (" + sendmail.get(0) + ")";
            case OUTBOX -> "the outbox " + outbox;
        };
    }

    /** Builds a {@link MailConfig}; not thread-safe. */
    public static final class Builder {
        private @Nullable String host;
        private @Nullable Integer port;
        private @Nullable Tls tls;
        private List<String> sendmail = SendmailTransport.DEFAULT_COMMAND;
        private @Nullable String user;
        private @Nullable String password;
        private @Nullable String sslTrust;
        private String from = "nmapdiff@localhost";
        private final List<String> recipients = new ArrayList<>();
        private @Nullable Path outbox;
        private long attachmentLimit = 10L * 1024 * 1024;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration deadline = Duration.ofMinutes(2);
        private Duration keepSent = Duration.ofDays(30);

        private Builder() {
        }

        /** The SMTP server; none (the default) sends every message to the outbox. */
        public Builder host(String smtpHost) {
            this.host = smtpHost == null || smtpHost.isBlank() ? null : smtpHost.strip();
            return this;
        }

        /** The SMTP port; by default 25, 587 or 465 after the TLS mode. */
        public Builder port(Integer smtpPort) {
            if (smtpPort != null && (smtpPort < 1 || smtpPort > 65535)) {
                throw new NmapDiffException("the SMTP port must be 1 to 65535, not " + smtpPort);
            }
            this.port = smtpPort;
            return this;
        }

        /** How the connection is protected; by default STARTTLS with a login, opportunistic STARTTLS without. */
        public Builder tls(Tls mode) {
            this.tls = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The sendmail program and its arguments, for when no SMTP server is set; {@code /usr/sbin/sendmail -t -oi} by default. */
        public Builder sendmail(List<String> command) {
            if (command.isEmpty()) {
                throw new NmapDiffException("the sendmail command is empty; give the program, such as /usr/sbin/sendmail -t -oi");
            }
            this.sendmail = List.copyOf(command);
            return this;
        }

        /** The SMTP user. */
        public Builder user(String smtpUser) {
            this.user = smtpUser;
            return this;
        }

        /** Reads the password from an environment variable, which must be set. */
        public Builder passwordFromEnvironment(String variable) {
            String value = System.getenv(Objects.requireNonNull(variable, "variable"));
            if (value == null) {
                throw new NmapDiffException("the SMTP password variable " + variable + " is not set in the environment");
            }
            this.password = value;
            return this;
        }

        /** Reads the password from the first line of a file, which should be readable by its owner only. */
        public Builder passwordFromFile(Path file) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.isEmpty() || lines.get(0).isEmpty()) {
                    throw new NmapDiffException("the SMTP password file " + file + " is empty");
                }
                this.password = lines.get(0);
                warnIfShared(file);
            } catch (IOException e) {
                throw new NmapDiffException("cannot read the SMTP password file " + file + ": " + e.getMessage(), e);
            }
            return this;
        }

        private static void warnIfShared(Path file) {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                    org.slf4j.LoggerFactory.getLogger(MailConfig.class)
                            .warn("the SMTP password file {} is readable by others; chmod 600 it", file);
                }
            } catch (IOException | UnsupportedOperationException e) {
                // not a POSIX file system: nothing to check
            }
        }

        /** The password itself, for programs that hold it already. */
        public Builder password(String smtpPassword) {
            this.password = smtpPassword;
            return this;
        }

        /** Trusts these hosts' certificates without a chain ({@code mail.smtp.ssl.trust}), for a relay with its own certificate. */
        public Builder sslTrust(String hosts) {
            this.sslTrust = hosts;
            return this;
        }

        /** The sender; {@code nmapdiff@localhost} by default. */
        public Builder from(String sender) {
            this.from = Objects.requireNonNull(sender, "sender");
            return this;
        }

        /** Adds recipients; without any, mail goes to {@code root@localhost}. */
        public Builder to(String... addresses) {
            for (String a : addresses) {
                for (String one : a.split(",")) {
                    if (!one.isBlank()) {
                        recipients.add(one.strip());
                    }
                }
            }
            return this;
        }

        /** The folder of messages waiting to be sent; required. */
        public Builder outbox(Path folder) {
            this.outbox = folder;
            return this;
        }

        /** The largest attachment in bytes; 10 MiB by default. */
        public Builder attachmentLimit(long bytes) {
            this.attachmentLimit = bytes;
            return this;
        }

        /** The connection and read timeout; 30 seconds by default. */
        public Builder timeout(Duration limit) {
            this.timeout = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /** How long one delivery may take in all; 2 minutes by default. */
        public Builder deadline(Duration limit) {
            this.deadline = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /** How long copies of sent mails stay in {@code outbox/sent/}; 30 days by default. */
        public Builder keepSent(Duration age) {
            this.keepSent = Objects.requireNonNull(age, "age");
            return this;
        }

        /** Builds the configuration. */
        public MailConfig build() {
            return new MailConfig(this);
        }
    }
}
