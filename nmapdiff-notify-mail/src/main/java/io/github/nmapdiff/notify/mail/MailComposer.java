package io.github.nmapdiff.notify.mail;

import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.diff.HostDiff;
import io.github.nmapdiff.core.diff.HostRef;
import io.github.nmapdiff.core.memory.Severities;
import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.HostIdentity;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.PortKey;
import io.github.nmapdiff.core.model.PortState;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Service;
import io.github.nmapdiff.core.model.Severity;
import io.github.nmapdiff.core.render.Csv;
import io.github.nmapdiff.core.render.Html;
import io.github.nmapdiff.core.render.ServiceText;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.RunKind;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Writes the mail of a notification: a subject that names the most severe finding and where,
 * a body in text and HTML that lists what is reported by severity and says in counts what was
 * held back, and the ndiff text and both scans attached within a size budget. (A notification
 * without the memory's triage, from a plugin or a test, gets ndiff's changes as a table and
 * its text in the body instead.) Everything that came from the scanned network is escaped in
 * the HTML; in the subject, a host name is cut short and stripped of control and direction
 * characters. Delivering it is {@link MailNotifier}'s job. Instances are immutable and
 * thread-safe.
 */
final class MailComposer {
    /** The options the runner adds for its own files and progress, with their values: not what the user asked nmap for. */
    private static final Pattern RUNNER_OPTIONS = Pattern.compile(" (?:-iL|-oX|--stats-every) \\S+");
    /** How much of the ndiff text the body shows, in characters. */
    static final int BODY_TEXT_LIMIT = 64 * 1024;

    private final MailConfig config;
    private final Session session;
    private final Clock clock;

    MailComposer(MailConfig config, Session session, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
    }


    /**
     * The ndiff text with nmap's command line as the user wrote it: without the temporary
     * targets and output files and the progress option the runner adds, in the body and in the
     * attached diff alike: the paths of a run's temporary files are no one's business. The
     * scans attached keep nmap's command line exactly.
     */
    static String withoutRunnerFiles(String ndiffText) {
        StringBuilder b = new StringBuilder(ndiffText.length());
        for (String line : ndiffText.split("\n", -1)) {
            if (line.length() > 1 && line.startsWith("Nmap ", 1) && line.contains(" scan initiated ") && line.contains(" as: ")) {
                line = RUNNER_OPTIONS.matcher(line).replaceAll("");
            }
            b.append(line).append('\n');
        }
        return b.substring(0, b.length() - 1);
    }

    /** How much of a host name from the network a subject shows. */
    private static final int SUBJECT_NAME_LIMIT = 64;

    /**
     * Returns the subject: the most severe finding and where, with how many more
     * ({@code [high] 5432/tcp postgresql opened on db3.example.com (192.0.2.201), +2 more}), or
     * counts of ndiff's changes for a notification without findings.
     */
    static String subject(Notification n) {
        List<Change> changes = n.ndiffChanges();
        long hosts = changes.stream().map(Change::host).filter(Objects::nonNull).map(HostRef::name).distinct().count();
        String counts = changes.size() + (changes.size() == 1 ? " change" : " changes") + " on " + hosts + (hosts == 1 ? " host" : " hosts");
        if (n.triage().hasFindings()) {
            counts = firstFinding(n);
        } else if (triaged(n)) {
            counts = "nothing to report";
        }
        String subject = switch (n.kind()) {
            case CHANGES -> "nmapdiff: " + counts;
            case NO_CHANGES -> "nmapdiff: no changes";
            case BASELINE -> "nmapdiff: baseline recorded (" + hosts(n.snapshot().hosts()) + ")";
            case SCOPE_CHANGED -> "nmapdiff: targets or scan arguments changed, new baseline";
            case INCOMPLETE -> "nmapdiff: INCOMPLETE scan, " + counts;
        };
        return oneLine(subject);
    }

    /** Whether the job's memory looked at the scan: then the body lists findings, not ndiff's changes. */
    private static boolean triaged(Notification n) {
        return n.triage().hasFindings() || n.triage().heldBack().total() > 0;
    }

    private static String firstFinding(Notification n) {
        List<Line> lines = lines(n.findings());
        Line lead = lines.get(0);
        Finding first = lead.findings().get(0);
        String where = lead.describe();
        if (lead.findings().size() == 1) {
            // the names from the network: the host's, and a rename's old and new ones
            for (String name : new String[] {first.hostName(), first.kind() == Finding.Kind.HOST_RENAMED ? first.before() : null}) {
                if (name != null && name.length() > SUBJECT_NAME_LIMIT) {
                    where = where.replace(name, name.substring(0, SUBJECT_NAME_LIMIT) + "...");
                }
            }
        }
        String line = "[" + first.severity().id() + "] " + where;
        int more = lines.size() - 1;
        return more > 0 ? line + ", +" + more + " more" : line;
    }

    /**
     * A line of the findings a mail lists: one finding, or the night's patch updates of one
     * product on several hosts ({@code 12 hosts: OpenSSH patch update}).
     */
    record Line(List<Finding> findings) {
        /** Returns the words of the line, without its severity. */
        String describe() {
            Finding first = findings.get(0);
            if (findings.size() == 1) {
                return first.describe();
            }
            long hosts = findings.stream().map(Finding::address).distinct().count();
            boolean same = findings.stream().allMatch(f -> Objects.equals(f.before(), first.before()) && Objects.equals(f.after(), first.after()));
            return hosts + (hosts == 1 ? " host" : " hosts") + ": " + Finding.product(first.before()) + " patch update"
                    + (same ? " (" + first.before() + " -> " + first.after() + ")" : "");
        }
    }

    /** The findings as a mail lists them, most severe first: each on its line, a product's patch updates on one. */
    static List<Line> lines(List<Finding> findings) {
        List<Line> lines = new ArrayList<>();
        Map<String, List<Finding>> patches = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.kind() == Finding.Kind.PATCH_UPDATE) {
                List<Finding> group = patches.get(f.severity() + " " + Finding.product(f.before()));
                if (group == null) {
                    group = new ArrayList<>();
                    patches.put(f.severity() + " " + Finding.product(f.before()), group);
                    lines.add(new Line(group));
                }
                group.add(f);
            } else {
                lines.add(new Line(List.of(f)));
            }
        }
        return lines;
    }

    private static String hosts(int count) {
        return count + (count == 1 ? " host" : " hosts");
    }

    static String oneLine(String s) {
        // control characters (C0 and C1), line and paragraph separators, and the bidi overrides that could make a name read backwards
        return s.replaceAll("[\\p{Cc}\\u2028\\u2029\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]+", " ").strip();
    }

    /**
     * The largest mail, in bytes as sent (attachments in base64): below the 10 MB that many
     * servers take at most (Postfix's {@code message_size_limit} is 10,240,000 by default).
     */
    static final long MESSAGE_LIMIT = 9_500_000;

    /**
     * Composes the mail. When it would be larger than {@link #MESSAGE_LIMIT}, the largest
     * attachments are left out, one by one, and the body names them; the bodies list at most
     * {@link #LISTED_FINDINGS} findings.
     */
    MimeMessage compose(Notification n) throws MessagingException {
        Set<String> left = new HashSet<>();
        while (true) {
            Map<String, Integer> attached = new LinkedHashMap<>();
            MimeMessage message = compose(n, left, attached);
            if (attached.isEmpty() || size(message) <= MESSAGE_LIMIT) {
                return message;
            }
            left.add(attached.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        }
    }

    private static long size(MimeMessage message) throws MessagingException {
        long[] count = {0};
        try {
            message.writeTo(new OutputStream() {
                @Override
                public void write(int b) {
                    count[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    count[0] += len;
                }
            });
        } catch (IOException e) {
            throw new MessagingException("cannot measure the mail", e);
        }
        return count[0];
    }

    private MimeMessage compose(Notification n, Set<String> left, Map<String, Integer> attached) throws MessagingException {
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
        List<MimeBodyPart> attachments = attachments(n, omitted, left, attached);
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

    /** How many lines of findings a body lists, most severe first; the rest are counted. */
    static final int LISTED_FINDINGS = 1000;

    /** How many rows of the inventory a baseline's body shows; the whole of it is attached. */
    static final int INVENTORY_ROWS = 20;

    /** One open port of a baseline's inventory. */
    record Exposed(Severity severity, String host, String address, @Nullable String name, String port, @Nullable String service, @Nullable String version) {
    }

    /** A baseline's (or new scope's) inventory: every open port of the scan, most serious first; empty for other runs. */
    static List<Exposed> inventory(Notification n) {
        if (n.kind() != RunKind.BASELINE && n.kind() != RunKind.SCOPE_CHANGED) {
            return List.of();
        }
        Scan scan;
        try {
            scan = new NmapXmlReader().read(new ByteArrayInputStream(n.xml()), "scan");
        } catch (RuntimeException e) {
            return List.of(); // the scan was read when it was kept; an inventory is a courtesy, never a reason not to mail
        }
        List<Exposed> rows = new ArrayList<>();
        for (Host h : scan.hosts()) {
            HostIdentity id = HostIdentity.of(h);
            if (id == null) {
                continue;
            }
            Map<PortKey, Port> ports = new LinkedHashMap<>();
            h.ports().forEach(p -> ports.put(PortKey.of(p), p)); // the last listing wins, as in ndiff
            for (var p : ports.values()) {
                if (p.state() == PortState.OPEN) {
                    String port = p.number() + "/" + p.protocol().nmapName();
                    String service = p.service() == null ? null : p.service().name();
                    String version = p.service() == null ? null
                            : String.join(" ", Stream.of(p.service().product(), p.service().version())
                                    .filter(Objects::nonNull).toList());
                    rows.add(new Exposed(Severities.opened(port, service), id.where(), id.key(), id.name(), port, service,
                            version == null || version.isEmpty() ? null : version));
                }
            }
        }
        rows.sort(Comparator.comparing(Exposed::severity).thenComparing(Exposed::address).thenComparing(Exposed::port));
        return rows;
    }

    private List<MimeBodyPart> attachments(Notification n, List<String> omitted, Set<String> left, Map<String, Integer> attached)
            throws MessagingException {
        List<MimeBodyPart> parts = new ArrayList<>();
        long[] used = {0};
        List<Exposed> inventory = inventory(n);
        if (!inventory.isEmpty()) {
            StringBuilder csv = new StringBuilder(Csv.row("severity", "address", "name", "port", "service", "version"));
            inventory.forEach(e -> csv.append(Csv.row(e.severity().id(), e.address(), orEmpty(e.name()), e.port(), orEmpty(e.service()), orEmpty(e.version()))));
            attach(parts, omitted, left, attached, used, "inventory-" + n.snapshot().id() + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                    "text/csv; charset=UTF-8");
        }
        if (!n.ndiffText().isEmpty()) {
            attach(parts, omitted, left, attached, used, "nmapdiff-" + n.snapshot().id() + ".diff.txt",
                    withoutRunnerFiles(n.ndiffText()).getBytes(StandardCharsets.UTF_8),
                    "text/plain; charset=UTF-8");
        }
        attach(parts, omitted, left, attached, used, "scan-" + n.snapshot().id() + ".xml", n.xml(), "application/xml");
        if (n.baseline() != null && n.baselineXml() != null) {
            attach(parts, omitted, left, attached, used, "scan-" + n.baseline().id() + ".xml", n.baselineXml(), "application/xml");
        }
        return parts;
    }

    /** Attaches while the attachments together stay within the limit, so that one huge banner cannot make a huge mail. */
    private void attach(List<MimeBodyPart> parts, List<String> omitted, Set<String> left, Map<String, Integer> attached, long[] used,
            String name, byte[] bytes, String type) throws MessagingException {
        if (left.contains(name)) {
            omitted.add(name + " (" + bytes.length / 1024 + " KiB; the mail may take " + MESSAGE_LIMIT / 1_000_000 + " MB in all)");
            return;
        }
        if (used[0] + bytes.length > config.attachmentLimit()) {
            omitted.add(name + " (" + bytes.length / 1024 + " KiB; the attachments may take " + config.attachmentLimit() / 1024
                    + " KiB together)");
            return;
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        // base64 keeps the bytes exactly, line endings included; a text encoding would make them CRLF
        part.setHeader("Content-Transfer-Encoding", "base64");
        used[0] += bytes.length;
        attached.put(name, bytes.length);
        parts.add(part);
    }

    /** The ndiff text in the body, cut where it would make the mail heavy to read; the whole text is attached. */
    static String bodyText(String fullText) {
        String ndiffText = withoutRunnerFiles(fullText);
        if (ndiffText.length() <= BODY_TEXT_LIMIT) {
            return ndiffText;
        }
        int cut = ndiffText.lastIndexOf('\n', BODY_TEXT_LIMIT);
        return ndiffText.substring(0, cut > 0 ? cut + 1 : BODY_TEXT_LIMIT)
                + "[... the diff is longer than the body shows (" + ndiffText.length() / 1024 + " K characters); the whole of it is attached]\n";
    }

    private static String textBody(Notification n, List<String> omitted) {
        StringBuilder b = new StringBuilder();
        b.append(n.summary()).append("\n\n");
        b.append("Scan ").append(n.snapshot().id()).append(" (").append(n.snapshot().start()).append(", ")
                .append(n.snapshot().complete() ? "complete" : "INCOMPLETE").append(", ").append(hosts(n.snapshot().hosts())).append(")");
        if (n.baseline() != null) {
            b.append(" compared with ").append(n.baseline().id()).append(" (").append(n.baseline().start()).append(")");
        }
        b.append(".\n");
        for (String w : n.warnings()) {
            b.append("Warning: ").append(w).append('\n');
        }
        List<Exposed> inventory = inventory(n);
        if (!inventory.isEmpty()) {
            b.append("\n").append(inventoryLine(inventory)).append(", most serious first:\n");
            inventory.stream().limit(INVENTORY_ROWS).forEach(e -> b.append("  [").append(e.severity().id()).append("] ")
                    .append(e.port()).append(e.service() == null ? "" : " " + e.service())
                    .append(e.version() == null ? "" : " (" + e.version() + ")").append(" on ").append(e.host()).append('\n'));
            if (inventory.size() > INVENTORY_ROWS) {
                b.append("  ... and ").append(inventory.size() - INVENTORY_ROWS).append(" more");
            }
            b.append("\nThe whole inventory is attached (inventory-").append(n.snapshot().id()).append(".csv).\n");
        }
        if (triaged(n)) {
            findingsText(n, b);
        } else if (!n.ndiffText().isEmpty()) {
            b.append('\n').append(bodyText(n.ndiffText()));
        }
        if (!omitted.isEmpty()) {
            b.append("\nNot attached, too large (the files are in the snapshot folder): ").append(String.join(", ", omitted)).append('\n');
        }
        return b.toString();
    }

    /** {@code Recorded 12 open ports on 5 hosts: 2 high, 10 medium}. */
    private static String inventoryLine(List<Exposed> inventory) {
        EnumMap<Severity, Integer> counts = new EnumMap<>(Severity.class);
        inventory.forEach(e -> counts.merge(e.severity(), 1, Integer::sum));
        long hosts = inventory.stream().map(Exposed::address).distinct().count();
        List<String> parts = new ArrayList<>();
        counts.forEach((s, c) -> parts.add(c + " " + s.id()));
        return "Recorded " + inventory.size() + (inventory.size() == 1 ? " open port" : " open ports") + " on " + hosts
                + (hosts == 1 ? " host" : " hosts") + ": " + String.join(", ", parts);
    }

    private static void findingsText(Notification n, StringBuilder b) {
        if (n.triage().hasFindings()) {
            b.append("\nReported, most severe first:\n");
            List<Line> all = lines(n.findings());
            for (Line line : all.subList(0, Math.min(all.size(), LISTED_FINDINGS))) {
                Finding f = line.findings().get(0);
                b.append("  [").append(f.severity().id()).append("] ").append(line.describe());
                if (line.findings().size() == 1) {
                    b.append(seen(f)).append(f.note() == null ? "" : ": " + f.note());
                } else {
                    b.append(": ").append(String.join(", ", line.findings().stream().map(Finding::where).distinct().toList()));
                }
                b.append('\n');
            }
            if (all.size() > LISTED_FINDINGS) {
                b.append("  ... and ").append(all.size() - LISTED_FINDINGS).append(" more (nmapdiff history DIR, or the attached diff)\n");
            }
        }
        if (n.triage().heldBack().total() > 0) {
            b.append("\nHeld back: ").append(n.triage().heldBack().describe()).append(".\n");
        }
        if (!n.ndiffText().isEmpty()) {
            b.append("\nEverything ndiff saw, held back or not, is in the attached nmapdiff-").append(n.snapshot().id())
                    .append(".diff.txt.\n");
        }
    }

    /** Whether a finding is a removal: then when it was last seen is its evidence. */
    private static boolean removal(Finding f) {
        return f.kind() == Finding.Kind.PORT_GONE || f.kind() == Finding.Kind.HOST_GONE;
    }

    /** When the job first (and, for a removal, last) saw it: {@code (first seen 2026-11-01)}. */
    private static String seen(Finding f) {
        if (f.firstSeen() == null) {
            return "";
        }
        String first = f.firstSeen().toString().substring(0, 10);
        return removal(f) && f.lastSeen() != null ? " (first seen " + first + ", last seen " + f.lastSeen().toString().substring(0, 10) + ")"
                : " (first seen " + first + ")";
    }

    private static final Map<Severity, String> SEVERITY_COLOURS = Map.of(Severity.CRITICAL, "#7b0000",
            Severity.HIGH, "#c0392b", Severity.MEDIUM, "#d68910", Severity.LOW, "#2e86c1", Severity.INFO, "#7f8c8d");

    private static void findingsHtml(Notification n, StringBuilder b) {
        if (n.triage().hasFindings()) {
            b.append("<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse;overflow-wrap:anywhere\">\n"
                    + "<tr><th>Severity</th><th>What</th><th>Host</th><th>Port</th><th>Service</th><th>Before</th><th>After</th>"
                    + "<th>First seen</th><th>Last seen</th></tr>\n");
            List<Line> all = lines(n.findings());
            for (Line line : all.subList(0, Math.min(all.size(), LISTED_FINDINGS))) {
                Finding f = line.findings().get(0);
                boolean one = line.findings().size() == 1;
                b.append("<tr><td style=\"color:#fff;background:").append(SEVERITY_COLOURS.get(f.severity())).append("\"><b>")
                        .append(f.severity().id()).append("</b></td>");
                boolean reminder = f.kind() == Finding.Kind.EXPECTATION_ENDED; // its date is the accepted-until, not what it is now
                String what = !one ? line.describe() : f.kind().label() + (reminder ? " (" + f.after() + ")" : "")
                        + (f.note() == null ? "" : ": " + f.note());
                String where = one ? f.where() : String.join(", ", line.findings().stream().map(Finding::where).distinct().toList());
                String port = one ? f.port() : String.join(", ", line.findings().stream().map(Finding::port).distinct().toList());
                for (String cell : new String[] {what, where, port, f.service(), one ? f.before() : null, one && !reminder ? f.after() : null,
                    !one || f.firstSeen() == null ? null : f.firstSeen().toString().substring(0, 10),
                    !one || !removal(f) || f.lastSeen() == null ? null : f.lastSeen().toString().substring(0, 10)}) {
                    b.append("<td>").append(Html.escape(cell == null ? "" : cell)).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</table>\n");
            if (all.size() > LISTED_FINDINGS) {
                b.append("<p>... and ").append(all.size() - LISTED_FINDINGS).append(" more (nmapdiff history DIR, or the attached diff).</p>\n");
            }
        }
        if (n.triage().heldBack().total() > 0) {
            b.append("<p>Held back: ").append(Html.escape(n.triage().heldBack().describe())).append(".</p>\n");
        }
        if (!n.ndiffText().isEmpty()) {
            b.append("<p>Everything ndiff saw, held back or not, is in the attached <code>nmapdiff-")
                    .append(Html.escape(n.snapshot().id())).append(".diff.txt</code>.</p>\n");
        }
    }

    private static String htmlBody(Notification n, List<String> omitted) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>nmapdiff</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:1180px\">\n");
        b.append("<h2>").append(Html.escape(n.summary())).append("</h2>\n");
        b.append("<p>Scan ").append(Html.escape(n.snapshot().id())).append(" (").append(n.snapshot().start()).append(", ")
                .append(n.snapshot().complete() ? "complete" : "<strong>incomplete</strong>").append(", ")
                .append(hosts(n.snapshot().hosts())).append(")");
        if (n.baseline() != null) {
            b.append(" compared with ").append(Html.escape(n.baseline().id()));
        }
        b.append(".</p>\n");
        for (String w : n.warnings()) {
            b.append("<p><strong>Warning:</strong> ").append(Html.escape(w)).append("</p>\n");
        }
        List<Change> changes = triaged(n) ? List.of() : n.ndiffChanges();
        List<Exposed> inventory = inventory(n);
        if (!inventory.isEmpty()) {
            b.append("<p>").append(Html.escape(inventoryLine(inventory))).append(".</p>\n<table border=\"1\" cellpadding=\"4\""
                    + " style=\"border-collapse:collapse;overflow-wrap:anywhere\">\n<tr><th>Severity</th><th>Host</th><th>Port</th>"
                    + "<th>Service</th><th>Version</th></tr>\n");
            inventory.stream().limit(INVENTORY_ROWS).forEach(e -> {
                b.append("<tr><td style=\"color:#fff;background:").append(SEVERITY_COLOURS.get(e.severity())).append("\"><b>")
                        .append(e.severity().id()).append("</b></td>");
                for (String cell : new String[] {e.host(), e.port(), e.service(), e.version()}) {
                    b.append("<td>").append(Html.escape(cell == null ? "" : cell)).append("</td>");
                }
                b.append("</tr>\n");
            });
            b.append("</table>\n<p>").append(inventory.size() > INVENTORY_ROWS ? "The first " + INVENTORY_ROWS + " of "
                    + inventory.size() + ". " : "").append("The whole inventory is attached.</p>\n");
        }
        if (triaged(n)) {
            findingsHtml(n, b);
        }
        if (!changes.isEmpty()) {
            b.append("<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse;overflow-wrap:anywhere\">\n"
                    + "<tr><th>Change</th><th>Host</th><th>Port</th><th>Before</th><th>After</th></tr>\n");
            for (Change c : changes) {
                String[] cells = row(c, n);
                b.append("<tr>");
                for (String cell : cells) {
                    b.append("<td>").append(Html.escape(cell)).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</table>\n");
        }
        if (!n.ndiffText().isEmpty() && !triaged(n)) {
            // wrapped, so that a long banner or command line needs no horizontal scroll
            b.append("<h3>ndiff</h3>\n<pre style=\"white-space:pre-wrap;overflow-wrap:anywhere\">").append(Html.escape(bodyText(n.ndiffText()))).append("</pre>\n");
        }
        if (!omitted.isEmpty()) {
            b.append("<p>Not attached, too large: ").append(Html.escape(String.join(", ", omitted))).append("</p>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    /**
     * One table row of a change: kind, host, port, before, after. The first cell is the kind's
     * own label, the one the summary line uses too; a switch over the kind covers every kind.
     */
    static String[] row(Change c, Notification n) {
        String host = c.host() == null ? "" : c.host().name();
        String label = c.kind().label(1);
        return switch (c.kind()) {
            case PORT_OPENED -> {
                Change.PortOpened o = (Change.PortOpened) c;
                yield new String[] {label, host, o.port().toString(),
                    o.before() != null ? o.before().toString() : notShown(n, o.host(), true), "open " + service(o.service())};
            }
            case PORT_CLOSED -> {
                Change.PortClosed o = (Change.PortClosed) c;
                yield new String[] {label, host, o.port().toString(), "open " + service(o.service()),
                    o.after() != null ? o.after().toString() : notShown(n, o.host(), false)};
            }
            case PORT_STATE_CHANGED -> {
                Change.PortStateChanged s = (Change.PortStateChanged) c;
                yield new String[] {label, host, s.port().toString(), state(s.before()), state(s.after())};
            }
            case SERVICE_CHANGED -> {
                Change.ServiceChanged s = (Change.ServiceChanged) c;
                yield new String[] {label, host, s.port().toString(), service(s.before()), service(s.after())};
            }
            case SCRIPT_CHANGED -> {
                Change.ScriptChanged s = (Change.ScriptChanged) c;
                yield new String[] {label + ": " + s.id(), host, s.port() == null ? "" : s.port().toString(), nullToDash(s.before()),
                    nullToDash(s.after())};
            }
            case HOST_ADDED -> new String[] {label, host, "", "", state(((Change.HostAdded) c).state())};
            case HOST_REMOVED -> new String[] {label, host, "", state(((Change.HostRemoved) c).state()), ""};
            case HOST_STATE_CHANGED -> {
                Change.HostStateChanged s = (Change.HostStateChanged) c;
                yield new String[] {label, host, "", state(s.before()), state(s.after())};
            }
            case HOST_IDENTITY_CHANGED -> new String[] {label, host, "", ((Change.HostIdentityChanged) c).before().name(), host};
            case EXTRAPORTS_CHANGED -> {
                Change.ExtraPortsChanged e = (Change.ExtraPortsChanged) c;
                yield new String[] {label, host, "", e.before(), e.after()};
            }
            case OS_CHANGED -> {
                Change.OsChanged o = (Change.OsChanged) c;
                yield new String[] {label, host, "", String.join("; ", o.before()), String.join("; ", o.after())};
            }
        };
    }

    /**
     * What a port that nmap did not list was: one of the host's "Not shown" ports, whose state
     * that line gives ("Not shown: 4999 closed ports"), in the scan before or after.
     */
    static String notShown(Notification n, HostRef host, boolean before) {
        if (n.ndiff() != null) {
            for (HostDiff hd : n.ndiff().hosts()) {
                Host side = before ? hd.before() : hd.after();
                Host other = before ? hd.after() : hd.before();
                Host named = other != null ? other : side;
                if (side == null || named == null || !addresses(named).equals(new HashSet<>(host.addresses()))) {
                    continue;
                }
                List<String> states = side.extraPorts().stream().map(e -> e.state().toString()).distinct().toList();
                if (!states.isEmpty()) {
                    return String.join(" or ", states) + " (not shown)";
                }
            }
        }
        return "not listed";
    }

    private static Set<String> addresses(Host host) {
        Set<String> all = new HashSet<>();
        host.addresses().forEach(a -> all.add(a.address()));
        return all;
    }

    private static String state(@Nullable Object state) {
        return state == null ? "not listed" : state.toString();
    }

    /** A value for a CSV cell: none is an empty cell. */
    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String nullToDash(@Nullable String s) {
        return s == null ? "-" : s;
    }

    private static @Nullable String service(@Nullable Service s) {
        return ServiceText.describe(s);
    }
}
