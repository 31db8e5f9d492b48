package io.github.nmapdiff.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.github.nmapdiff.core.run.Notifiers;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.spi.NotifierConfig;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.core.testing.BannerServer;
import io.github.nmapdiff.core.testing.Tool;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job from the command line, end to end: the real nmap against services this test opens
 * on 127.0.0.1 (names from /etc/hosts only: {@code -n}), the real folder store, and a real
 * SMTP server in this JVM.
 */
class ScanCommandTest {
    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(true);

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeAll
    static void nmapIsInstalled() {
        Tool.require("nmap");
    }

    private static int freePort() {
        try {
            return BannerServer.freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return NmapDiffCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path targets() throws IOException {
        return Files.writeString(dir.resolve("ips.txt"), "# loopback only\n127.0.0.1\n");
    }

    private static String nmapArgs(int... ports) {
        StringBuilder list = new StringBuilder();
        for (int p : ports) {
            list.append(list.isEmpty() ? "" : ",").append(p);
        }
        return "-v -sV -p " + list + " -T4 -Pn -n";
    }

    /**
     * The nights of the README's table, with the real nmap and a service on one port: the
     * exit code follows what the night has to report, not ndiff's changes.
     */
    @Test
    void theExitCodeOfEachNightIsTheOneTheReadmeTableGives() throws Exception {
        Path scans = dir.resolve("scans");
        int port;
        int first;
        try (BannerServer ssh = BannerServer.ssh()) {
            port = ssh.port();
            first = run("-f", targets().toString(), "-o", scans.toString(), "--nmap-args", nmapArgs(port));
        }
        assertThat(first).as("night 1, open: a baseline; %s", out).isZero();
        assertThat(out.toString()).startsWith("nmapdiff: baseline recorded");

        int second = run("-f", targets().toString(), "-o", scans.toString(), "--nmap-args", nmapArgs(port));
        assertThat(out.toString()).startsWith("nmapdiff: nothing to report; held back: 1 port not open");
        assertThat(second).as("night 2, closed: held back, nothing to report (ndiff sees the port close)").isZero();

        int third = run("-f", targets().toString(), "-o", scans.toString(), "--nmap-args", nmapArgs(port));
        assertThat(out.toString()).startsWith("nmapdiff: [medium] " + port + "/tcp ssh closed on 127.0.0.1");
        assertThat(third).as("night 3, still closed: the closure is confirmed and reported").isEqualTo(1);
    }

    /**
     * The closure's mail carries its evidence (22.5): it is confirmed on the night after the
     * port closed, when tonight's scan and last night's agree, so the diff it attaches is the
     * one from the scan that last saw the port open.
     */
    @Test
    void theClosureMailAttachesTheDiffFromTheScanThatLastSawThePortOpen() throws Exception {
        Tool.require("sendmail");
        Path ips = targets();
        Path scans = dir.resolve("scans");
        int port;
        String[] mail;
        try (BannerServer ssh = BannerServer.ssh()) {
            port = ssh.port();
            mail = new String[] {"-f", ips.toString(), "--email", "secops@example.test", "-o", scans.toString(), "--nmap-args",
                nmapArgs(port), "--sendmail", sendmail()};
            assertThat(run(mail)).as(err.toString()).isZero();
        }
        assertThat(run(mail)).as("closed, held back: " + err).isZero();
        assertThat(run(mail)).as("the closure confirmed: " + err).isEqualTo(1);

        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).as("the baseline's mail and the closure's").hasSize(2);
        assertThat(mails[1].getSubject()).isEqualTo("nmapdiff: [medium] " + port + "/tcp ssh closed on 127.0.0.1");
        Map<String, String> attached = attachments(mails[1]);
        String diff = attached.entrySet().stream().filter(a -> a.getKey().endsWith(".diff.txt")).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no diff attached: " + attached.keySet()));
        assertThat(diff).as("the attached diff shows the port that closed").contains("-" + port + "/tcp")
                .contains("+" + port + "/tcp");
        List<String> ids = Snapshots.of(FileSystemSnapshotStore.open(scans)).list().stream().map(Snapshot::id).toList();
        assertThat(ids).hasSize(3);
        assertThat(attached.keySet()).as("tonight's scan and the one that last saw the port open")
                .contains("scan-" + ids.get(2) + ".xml", "scan-" + ids.get(0) + ".xml").doesNotContain("scan-" + ids.get(1) + ".xml");
    }

    /** A mail's attachments, by file name, as text. */
    private static Map<String, String> attachments(MimeMessage mail) throws Exception {
        jakarta.mail.Multipart mixed = (jakarta.mail.Multipart) mail.getContent();
        Map<String, String> attached = new java.util.LinkedHashMap<>();
        for (int i = 0; i < mixed.getCount(); i++) {
            jakarta.mail.BodyPart part = mixed.getBodyPart(i);
            if (part.getFileName() != null) {
                try (InputStream in = part.getInputStream()) {
                    attached.put(part.getFileName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return attached;
    }

    /** The system's sendmail (Debian's msmtp-mta), relaying to this test's SMTP server, as a configured MTA would. */
    private static String sendmail() {
        return "/usr/sbin/sendmail --host=127.0.0.1 --port=" + SMTP_PORT + " --tls=off --from=nmapdiff@monitor.test -t -oi";
    }

    @Test
    void scriptFlagsMailABaselineThenTheOpenedPortThroughSendmailAsMuttDid() throws Exception {
        Tool.require("sendmail");
        Path ips = targets();
        Path scans = dir.resolve("scans");
        int port = freePort();
        String args = nmapArgs(port);

        int first = run("-f", ips.toString(), "--email", "secops@example.test", "-o", scans.toString(), "--nmap-args", args,
                "--sendmail", sendmail());

        assertThat(first).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("nmapdiff: baseline recorded: 1 host, nothing to compare with yet\nsnapshot: ");

        int second;
        try (BannerServer ssh = BannerServer.ssh(port, "9.2p1")) {
            second = run("-f", ips.toString(), "--email", "secops@example.test", "-o", scans.toString(), "--nmap-args", args,
                    "--sendmail", sendmail());
        }

        assertThat(second).as("changes, every mail delivered: " + err).isEqualTo(1);
        assertThat(out.toString()).startsWith("nmapdiff: [medium] " + port + "/tcp ssh opened on 127.0.0.1\nsnapshot: ")
                .as("one finding is the summary line; no list repeats it").doesNotContain("\n  [medium]");
        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(mails[1].getSubject()).isEqualTo("nmapdiff: [medium] " + port + "/tcp ssh opened on 127.0.0.1");
        assertThat(mails[1].getAllRecipients()[0].toString()).isEqualTo("secops@example.test");
        assertThat(body(mails[1])).contains(port + "/tcp");
        assertThat(scans.resolve("outbox")).as("nothing waits").satisfiesAnyOf(o -> assertThat(o).doesNotExist(),
                o -> assertThat(eml(o)).isEmpty());

        assertThat(run("history", scans.toString())).isZero();
        assertThat(out.toString()).contains("complete         1       -  baseline recorded")
                .contains("[medium] " + port + "/tcp ssh opened on 127.0.0.1");
    }

    @Test
    void withNoSendmailAndNoSmtpServerTheMailWaitsInTheOutboxAndTheRunSaysSo() throws Exception {
        Path scans = dir.resolve("scans");

        int code = run("-f", targets().toString(), "--email", "secops@example.test", "-o", scans.toString(), "--nmap-args",
                nmapArgs(freePort()), "--sendmail", dir.resolve("no-sendmail").toString());

        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("no SMTP server is set and there is no " + dir.resolve("no-sendmail")
                + "; the mail is in " + scans.resolve("outbox"));
        assertThat(eml(scans.resolve("outbox"))).hasSize(1);
    }

    @Test
    void withoutAnEmailThereIsNoMailAndNoOutbox() throws Exception {
        Path scans = dir.resolve("scans");

        int code = run("-f", targets().toString(), "-o", scans.toString(), "--nmap-args", nmapArgs(freePort()));

        assertThat(code).as(err.toString()).isZero();
        assertThat(scans.resolve("outbox")).doesNotExist();
    }

    @Test
    void withAnSmtpServerTheMailIsSentAndWhenItIsDownItWaitsForTheNextRun() throws Exception {
        Path ips = targets();
        Path scans = dir.resolve("scans");
        int port = freePort();
        Path config = Files.writeString(dir.resolve("nmapdiff.properties"), String.join("\n",
                "targets.file=" + ips, "output=" + scans, "email=secops@example.test", "nmap.args=" + nmapArgs(port),
                "smtp.host=127.0.0.1", "smtp.port=" + SMTP_PORT, "smtp.tls=none", "smtp.from=nmapdiff@monitor.test", ""));

        assertThat(run("scan", "--config", config.toString())).as(err.toString()).isZero();
        assertThat(SMTP.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("nmapdiff: baseline recorded (1 host)");

        int down;
        int up;
        try (BannerServer ssh = BannerServer.ssh(port, "9.2p1")) {
            SMTP.stop();
            down = run("scan", "--config", config.toString());
            assertThat(down).isEqualTo(3);
            assertThat(err.toString()).contains("did not take the mail (");
            assertThat(eml(scans.resolve("outbox"))).hasSize(1);

            SMTP.start();
            up = run("scan", "--config", config.toString());
        }
        assertThat(up).as("no change this time").isZero();
        assertThat(SMTP.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("nmapdiff: [medium] " + port + "/tcp ssh opened on 127.0.0.1");
        assertThat(body(SMTP.getReceivedMessages()[0])).contains(port + "/tcp");
        assertThat(eml(scans.resolve("outbox"))).isEmpty();
    }

    @Test
    void theWebhookPluginIsFoundAndGetsTheJsonDiff() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        try {
            Path ips = targets();
            int port = freePort();
            Path config = Files.writeString(dir.resolve("nmapdiff.properties"),
                    "webhook.url=http://127.0.0.1:" + hook.getAddress().getPort() + "/hook\n");
            String[] args = {"scan", "-f", ips.toString(), "-o", dir.resolve("scans").toString(), "--nmap-args", nmapArgs(port),
                "--config", config.toString()};

            assertThat(run(args)).as("only the webhook, no mail: all good " + err).isZero();
            assertThat(bodies).as("a baseline compares nothing; the webhook skips it").isEmpty();
            try (BannerServer smtp = BannerServer.smtp(port)) {
                assertThat(run(args)).as(err.toString()).isEqualTo(1);
            }
            assertThat(dir.resolve("scans").resolve("outbox")).as("no mail was asked for").doesNotExist();

            assertThat(bodies).singleElement().satisfies(json -> assertThat(json)
                    .contains("\"format\" : \"nmapdiff-diff\"").contains("\"kind\" : \"port-opened\"").contains("\"port\" : " + port));
            assertThat(err.toString()).contains("a notifier plugin cannot be loaded and is left out")
                    .contains("notifier plugin 'throwing' is left out: this plugin is broken on purpose");
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void discoverySurvivesBrokenPluginsAndNamesThem() {
        Notifiers.Found found = Notifiers.discover(NotifierConfig.of(Map.of("webhook.url", "http://127.0.0.1:9/hook")));

        assertThat(found.notifiers()).extracting(n -> n.id()).containsExactly("webhook");
        assertThat(found.problems()).hasSize(2).anyMatch(p -> p.contains("NoSuchProvider"))
                .anyMatch(p -> p.contains("'throwing'"));
    }

    @Test
    void watchRunsTheJobOnACronScheduleWithoutOverlap() throws Exception {
        Path ips = targets();

        int code = run("watch", "--cron", "*/2 * * * * *", "--max-runs", "2", "-f", ips.toString(), "-o", dir.resolve("scans").toString(),
                "--nmap-args", nmapArgs(freePort()));

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("next run at");
        assertThat(out.toString()).contains("nmapdiff: baseline recorded").contains("nmapdiff: nothing to report");
        assertThat(run("history", dir.resolve("scans").toString())).isZero();
        assertThat(out.toString().lines().count()).isEqualTo(3);
    }

    @Test
    void badInputIsOneLineAndExitTwoWithNothingScanned() throws IOException {
        Path bad = Files.writeString(dir.resolve("ips.txt"), "127.0.0.1\n127.0.0.1; reboot\n");

        assertThat(run("-f", bad.toString(), "-o", dir.resolve("scans").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("nmapdiff: " + bad + ":2: '127.0.0.1; reboot' holds more than one word;"
                + " write one target per line\n");
        assertThat(dir.resolve("scans")).doesNotExist();

        assertThat(run("-f", targets().toString(), "-o", dir.resolve("scans").toString(), "--nmap-args", "-sV -oX /tmp/x.xml")).isEqualTo(2);
        assertThat(err.toString()).contains("'-oX' is not allowed");

        assertThat(run("watch", "--cron", "every night", "-f", targets().toString(), "-o", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is not a cron expression");

        assertThat(run("-f", targets().toString(), "-o", dir.resolve("s2").toString(), "--smtp-host", "127.0.0.1",
                "--smtp-user", "me")).isEqualTo(2);
        assertThat(err.toString()).contains("no password");
    }

    private static List<Path> eml(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
    }

    private static MimeMessage read(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private static String body(MimeMessage mail) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        mail.writeTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBadAddressIsAnErrorBeforeAnythingIsScannedOrCreated() throws Exception {
        Path scans = dir.resolve("scans");

        int code = run("-f", targets().toString(), "--email", "not an address", "-o", scans.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("'not an address' is not a mail address");
        assertThat(scans).doesNotExist();
    }

    @Test
    void nmapArgumentsThatStartWithADashAreTakenAsTheValue() throws Exception {
        int code = run("-f", dir.resolve("missing.txt").toString(), "-o", dir.resolve("scans").toString(),
                "--nmap-args", "-f", "--timeout", "1m");

        assertThat(err.toString()).doesNotContain("Expected parameter").contains("no such targets file");
        assertThat(code).isEqualTo(2);
    }

    @Test
    void anUnknownConfigKeyIsRefusedWithTheNearestKnownOne() throws Exception {
        Path config = Files.writeString(dir.resolve("nmapdiff.properties"), "targets.file=ips.txt\nsmtp.hots=mail.example.test\n");

        int code = run("scan", "--config", config.toString(), "-o", dir.resolve("scans").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown key 'smtp.hots'; did you mean 'smtp.host'?");
    }

    @Test
    void relativePathsInAConfigFileAreTakenFromItsFolderAndAnIncompleteScanExits4() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("ips.txt"), "127.0.0.1\n127.0.0.2\n127.0.0.3\n");
        Path config = Files.writeString(etc.resolve("nmapdiff.properties"), String.join("\n", "targets.file=ips.txt",
                "output=scans", "nmap.args=-sT -p 1-30000 --max-rate 3000 -Pn -n --max-hostgroup 1", "timeout=5s",
                "email=secops@example.test", "smtp.host=127.0.0.1", "smtp.port=" + SMTP_PORT, "smtp.tls=none", ""));

        int code = run("scan", "--config", config.toString());

        assertThat(code).as(err.toString()).isEqualTo(4);
        assertThat(etc.resolve("scans")).isDirectory();
        assertThat(out.toString()).startsWith("nmapdiff: incomplete scan");
        assertThat(err.toString()).contains("the scan was stopped after 5s (--timeout)");
    }

    /**
     * Debian's msmtp-mta installed and not configured (an empty configuration: "account default
     * not found") exits 78, EX_CONFIG: the machine's fault, not the message's. The mail waits for
     * the next run, the run says what to fix in one line and exits 3; the next run tries again.
     */
    @Test
    void anMtaThatIsNotConfiguredKeepsTheMailForTheNextRunAndSaysWhatToFix() throws Exception {
        Tool.require("sendmail");
        Path scans = dir.resolve("scans");
        Path empty = Files.createFile(dir.resolve("msmtprc"));
        Files.setPosixFilePermissions(empty, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        String unconfigured = "/usr/sbin/sendmail -C " + empty + " -t -oi";
        String args = nmapArgs(freePort());

        int code = run("-f", targets().toString(), "-o", scans.toString(), "--email", "secops@example.test", "--nmap-args", args,
                "--sendmail", unconfigured);

        assertThat(code).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("exit 78: the MTA is not configured").contains("the mail waits in " + scans.resolve("outbox"));
        assertThat(scans.resolve("outbox").resolve("failed")).as("not set aside as refused for good").doesNotExist();
        try (var waiting = Files.list(scans.resolve("outbox"))) {
            assertThat(waiting.filter(f -> f.toString().endsWith(".eml"))).hasSize(1);
        }
        int again = run("-f", targets().toString(), "-o", scans.toString(), "--email", "secops@example.test", "--nmap-args", args,
                "--sendmail", unconfigured);
        assertThat(again).isEqualTo(3);
        assertThat(err.toString()).contains("mail: 1 notification waits to be delivered");
    }

    @Test
    void aBaselineWhoseMailCannotBeSentIsNotAllGood() throws Exception {
        Path scans = dir.resolve("scans");
        int closed = freePort();
        String args = nmapArgs(freePort());

        int code = run("-f", targets().toString(), "-o", scans.toString(), "--email", "secops@example.test",
                "--nmap-args", args, "--smtp-host", "127.0.0.1", "--smtp-port", Integer.toString(closed),
                "--smtp-tls", "none");

        assertThat(code).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("did not take the mail (");
        // nothing new on the next run, but the mail still waits: still not all good
        assertThat(run("-f", targets().toString(), "-o", scans.toString(), "--email", "secops@example.test",
                "--nmap-args", args, "--smtp-host", "127.0.0.1", "--smtp-port", Integer.toString(closed),
                "--smtp-tls", "none")).as(err.toString()).isEqualTo(3);
        assertThat(out.toString()).startsWith("nmapdiff: nothing to report");
        assertThat(err.toString()).contains("mail: 1 notification waits to be delivered");
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        assertThat(run("scna")).isEqualTo(2);
        assertThat(err.toString()).contains("Did you mean: nmapdiff scan?");
    }

    @Test
    void aFolderThatCannotBeMadeSaysWhyNotThePathAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        assertThat(run("-f", targets().toString(), "-o", file.resolve("scans").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot create the snapshot folder " + file.resolve("scans") + ": a file of that name"
                + " is in the way").doesNotContain(": " + file + " (");
    }

    @Test
    void helpShowsWholeLinesAndConfigKeysUnbroken() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).containsPattern("\n  scan +Runs the nightly job once: scans, keeps, compares, mails and prints what changed.\n")
                .as("every command's line is a whole sentence").containsPattern("\n  report +Writes one self-contained HTML report: [^\n]*[.]\n");
        assertThat(run("scan", "--help")).isZero();
        String help = out.toString();
        for (String key : JobOptions.KEYS) {
            if (!key.equals("smtp.ssl.trust")) {
                assertThat(help).as(key).contains(key);
            }
        }
        assertThat(help.indexOf("\n      --config=FILE")).as("--config after the settings it holds")
                .isGreaterThan(help.indexOf("\n      --smtp-host=HOST"));
    }

    @Test
    void aRetentionOfZeroDaysIsRefusedInTheOptionsTermsNotJavas() throws Exception {
        assertThat(run("-f", targets().toString(), "-o", dir.resolve("scans").toString(), "--keep-days", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--keep-days (keep.days) must be a whole number of at least 1, not '0'")
                .doesNotContain("PT0S");
    }

    @Test
    void aMistakeInTheRulesFileIsOneLineWithItsLineAndNothingIsScannedOrCreated() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "ignore:\n  - port: 161/udp\n  - host: 192.0.2.0/33\n");
        Path config = Files.writeString(dir.resolve("nmapdiff.properties"), "targets.file=" + targets() + "\noutput=scans\n"
                + "rules=rules.yaml\nconfirm.after=3\n");

        assertThat(run("scan", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("nmapdiff: " + rules + ":3: '192.0.2.0/33': a prefix length must be 0 to 32\n");
        assertThat(dir.resolve("scans")).doesNotExist();
        assertThat(run("-f", targets().toString(), "-o", dir.resolve("scans").toString(), "--confirm-after", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--confirm-after (confirm.after) must be a whole number of at least 1, not '0'");
    }

    @Test
    void aPluginThatQueuesIsReportedUnderItsOwnNameAndNoMailIsMade() throws Exception {
        Path config = Files.writeString(dir.resolve("nmapdiff.properties"), "queueing.enabled=true\n");
        Path scans = dir.resolve("scans");

        int code = run("scan", "-f", targets().toString(), "-o", scans.toString(), "--nmap-args", nmapArgs(freePort()),
                "--config", config.toString());

        assertThat(code).as("a notification waits: " + err).isEqualTo(3);
        assertThat(err.toString()).contains("nmapdiff: queueing: the notification waits to be delivered on the next run")
                .doesNotContain("mail");
        assertThat(scans.resolve("outbox")).doesNotExist();
    }

    @Test
    void aRunThatFailsOnItsTargetsCreatesNoFolder() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "127.0.0.1/33\n");
        Path scans = dir.resolve("scans");

        assertThat(run("-f", bad.toString(), "-o", scans.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad.txt:1:").contains("0 to 32");
        assertThat(scans).doesNotExist();
    }

    @Test
    void aPasswordSentWithoutTlsIsWarnedOf() throws Exception {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream logged = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            // no nmap: the run stops after the mail settings are read, before anything is scanned
            run("-f", targets().toString(), "-o", dir.resolve("scans").toString(), "--nmap", dir.resolve("no-nmap").toString(),
                    "--email", "secops@example.test", "--smtp-host", "mail.example.test", "--smtp-user", "nmapdiff",
                    "--smtp-password-env", "HOME", "--smtp-tls", "none");
        } finally {
            System.setErr(stderr);
        }
        assertThat(logged.toString(StandardCharsets.UTF_8)).as(err.toString())
                .contains("the SMTP password may be sent to mail.example.test without TLS (--smtp-tls none)");
    }
}
