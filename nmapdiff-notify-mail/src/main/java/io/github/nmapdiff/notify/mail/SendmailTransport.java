package io.github.nmapdiff.notify.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Hands a message to the system's {@code sendmail} program, as mutt and cron do: the local MTA
 * (Postfix, Exim, msmtp-mta, ...) then delivers it, with its own queue, relay and TLS settings.
 * The message goes to the program's standard input; {@code -t} takes the recipients from its
 * headers and {@code -oi} keeps a line with a lone dot from ending it. The program runs from
 * an argument list, never through a shell.
 *
 * <p>Exit codes are those of {@code sysexits.h}: 0 delivered (or queued by the MTA). A code is
 * either the message's fault, and another try would not change it (65 the data, 67 an unknown
 * user, 68 an unknown host: refused for good), or the machine's (the MTA not configured, not
 * permitted, unavailable, out of space, a temporary failure...: the mail waits for the next
 * try); {@link #meaning(int)} says which, in words. A code outside the table is the machine's:
 * the mail is kept rather than lost. Instances are immutable and thread-safe.
 */
public final class SendmailTransport implements MailTransport {
    /** The program and arguments mutt uses: {@code /usr/sbin/sendmail -t -oi}. */
    public static final List<String> DEFAULT_COMMAND = List.of("/usr/sbin/sendmail", "-t", "-oi");

    /** The codes that are the message's fault: sending it again would not change them. */
    private static final Set<Integer> MESSAGE_FAULTS = Set.of(65, 67, 68);

    /** What each code of sysexits.h means for a mail, in words a person can act on. */
    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(64, "the MTA did not understand its command line (check --sendmail)"),
            Map.entry(65, "the MTA refused the message's content"),
            Map.entry(66, "the MTA could not read its input"),
            Map.entry(67, "a recipient is unknown (check --email)"),
            Map.entry(68, "a recipient's domain is unknown (check --email)"),
            Map.entry(69, "the mail service is unavailable"),
            Map.entry(70, "the MTA failed (an internal error)"),
            Map.entry(71, "the MTA hit a system error"),
            Map.entry(72, "the MTA is missing a system file"),
            Map.entry(73, "the MTA cannot create a file it needs (its queue?)"),
            Map.entry(74, "the MTA hit an input/output error (a full disk? its configuration file unreadable?)"),
            Map.entry(75, "the MTA failed for now (a temporary failure)"),
            Map.entry(76, "the mail server answered out of protocol"),
            Map.entry(77, "the MTA was not permitted to send it"),
            Map.entry(78, "the MTA is not configured (msmtp-mta: /etc/msmtprc; Postfix: dpkg-reconfigure postfix)"));

    private final List<String> command;

    private SendmailTransport(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the sendmail command is empty");
        }
        this.command = List.copyOf(command);
    }

    /**
     * Returns a transport that runs this command.
     *
     * @param command the program and its arguments, never empty
     * @return the transport, never null
     */
    public static SendmailTransport of(List<String> command) {
        return new SendmailTransport(Objects.requireNonNull(command, "command"));
    }

    /** Returns the program and its arguments; never null. */
    public List<String> command() {
        return command;
    }

    /** Returns whether the program is there to run. */
    public boolean available() {
        return Files.isExecutable(Path.of(command.get(0)));
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            message.writeTo(bytes);
        } catch (IOException e) {
            throw new MessagingException("cannot write the mail for sendmail: " + e.getMessage(), e);
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new SendmailException(command, -1, "cannot run " + command.get(0) + ": " + e.getMessage(), true);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                in.transferTo(output);
            } catch (IOException e) {
                // the program ended; what it said is kept
            }
        }, "sendmail-output");
        reader.setDaemon(true);
        reader.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(bytes.toByteArray());
        } catch (IOException e) {
            // the program closed its input early; its exit code says why
        }
        try {
            int exit = process.waitFor();
            reader.join(TimeUnit.SECONDS.toMillis(5));
            if (exit != 0) {
                String said;
                synchronized (output) {
                    said = output.toString(StandardCharsets.UTF_8).strip().replaceAll("\\s*\\n\\s*", "; ");
                }
                throw new SendmailException(command, exit, said.isEmpty() ? "no message" : said, !MESSAGE_FAULTS.contains(exit));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted while sendmail ran");
        }
    }

    /**
     * Returns what an exit code of sendmail means for a mail, in words.
     *
     * @param exitCode the program's exit code
     * @return the meaning, never null
     */
    public static String meaning(int exitCode) {
        return MEANINGS.getOrDefault(exitCode, "the MTA failed (an exit code outside sysexits.h)");
    }

    /** Returns whether an exit code is the message's fault, so that it is refused for good; otherwise the mail waits. */
    public static boolean messageFault(int exitCode) {
        return MESSAGE_FAULTS.contains(exitCode);
    }

    /** sendmail ended with an error; {@link #temporary()} says whether another try may succeed. */
    public static final class SendmailException extends MessagingException {
        private static final long serialVersionUID = 1L;

        private final int exitCode;
        private final boolean temporary;

        SendmailException(List<String> command, int exitCode, String said, boolean temporary) {
            super(String.join(" ", new ArrayList<>(command)) + (exitCode >= 0 ? " exit " + exitCode + ": " + meaning(exitCode) + " (" + said + ")"
                    : ": " + said));
            this.exitCode = exitCode;
            this.temporary = temporary;
        }

        /** Returns the program's exit code; -1 when it could not be run. */
        public int exitCode() {
            return exitCode;
        }

        /** Returns whether the failure is temporary, so that the mail waits for another try. */
        public boolean temporary() {
            return temporary;
        }
    }
}
