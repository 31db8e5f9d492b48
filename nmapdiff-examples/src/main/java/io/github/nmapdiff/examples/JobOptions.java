package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.memory.Rules;
import io.github.nmapdiff.core.run.Notifiers;
import io.github.nmapdiff.core.spi.NotifierConfig;
import io.github.nmapdiff.core.spi.RetentionPolicy;
import io.github.nmapdiff.nmap.NmapOptions;
import io.github.nmapdiff.notify.mail.MailConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the monitoring job, shared by {@code scan} and {@code watch}: the flags of the
 * shell script ({@code -f}, {@code --email}, {@code -o}), nmap, SMTP, retention, and a
 * properties file ({@code --config}) for everything, where a flag wins over the file.
 */
final class JobOptions {
    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "the targets, one per line (config: targets.file)")
    Path targetsFile;

    @Option(names = "--email", paramLabel = "ADDR", split = ",", description = "who gets the mail; repeat or separate with commas (config: email)")
    List<String> email = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "the snapshot folder (config: output)")
    Path output;

    @Option(names = "--nmap-args", paramLabel = "ARGS",
            description = "nmap options instead of the default -v -sV --top-ports 5000 -T4 -Pn -R (config: nmap.args)")
    String nmapArgs;

    @Option(names = "--nmap", paramLabel = "PATH", description = "the nmap program (config: nmap.path; default: nmap on the PATH)")
    String nmapPath;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "stop nmap after this long and keep what it found, e.g. 2h; none for no limit (config: timeout; default 12h)")
    String timeout;

    @Option(names = "--smtp-host", paramLabel = "HOST", description = "the SMTP server; without one, mail goes through sendmail, or to DIR/outbox where there is none (config: smtp.host)")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", description = "the SMTP port (config: smtp.port; default after --smtp-tls: 25, 587, 465)")
    Integer smtpPort;

    @Option(names = "--smtp-from", paramLabel = "ADDR", description = "the sender (config: smtp.from)")
    String smtpFrom;

    @Option(names = "--smtp-user", paramLabel = "USER", description = "the SMTP user (config: smtp.user)")
    String smtpUser;

    @Option(names = "--smtp-password-env", paramLabel = "VAR", description = "the environment variable that holds the SMTP password (config: smtp.password.env)")
    String smtpPasswordEnv;

    @Option(names = "--smtp-password-file", paramLabel = "FILE", description = "the file whose first line is the SMTP password (config: smtp.password.file)")
    Path smtpPasswordFile;

    @Option(names = "--smtp-tls", paramLabel = "MODE",
            description = "none, opportunistic (STARTTLS if offered; the default without --smtp-user), starttls (required;"
                    + " the default with --smtp-user) or smtps (config: smtp.tls)")
    String smtpTls;

    @Option(names = "--sendmail", paramLabel = "COMMAND",
            description = "the sendmail program, used when no SMTP server is set (config: sendmail; default /usr/sbin/sendmail -t -oi)")
    String sendmail;

    @Option(names = "--confirm-after", paramLabel = "N",
            description = "report a closed port, a vanished host or a changed name only once N complete scans in a row"
                    + " confirm it; 1 reports it on the first (config: confirm.after; default 2)")
    Integer confirmAfter;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "a YAML file of what to ignore, what to expect and which severity to give (config: rules)")
    Path rules;

    @Option(names = "--keep-last", paramLabel = "N", description = "keep only the newest N snapshots (config: keep.last)")
    Integer keepLast;

    @Option(names = "--keep-days", paramLabel = "D", description = "keep only snapshots younger than D days (config: keep.days)")
    Integer keepDays;

    @Option(names = "--compress-after", paramLabel = "N", description = "gzip all but the newest N snapshots (config: compress.after)")
    Integer compressAfter;

    @Option(names = "--lock-wait", paramLabel = "DURATION", description = "how long to wait for another run on the same folder (config: lock.wait; default 5m)")
    String lockWait;

    @Option(names = "--group-readable", description = "let the folder's group read the snapshots too (0640); by default only their owner (0600) (config: group.readable)")
    Boolean groupReadable;

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--config", paramLabel = "FILE", description = "a properties file with any of the settings above")
    Path config;

    /** The scan's time limit when none is given: generous for a nightly scan, short of the next night. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(12);

    /** The keys a config file may hold, besides those of notifier plugins (their id, a dot, a name). */
    static final List<String> KEYS = Stream.concat(Stream.of("targets.file", "email", "output", "nmap.args", "nmap.path", "timeout",
            "smtp.host", "smtp.port", "smtp.tls", "smtp.from", "smtp.user", "smtp.password.env", "smtp.password.file",
            "smtp.ssl.trust", "sendmail", "confirm.after", "rules", "keep.last", "keep.days", "compress.after", "lock.wait", "group.readable"),
            StoreOptions.KEYS.stream()).toList();

    /** Keys whose value is a path: relative ones are taken from the config file's folder. */
    private static final List<String> PATH_KEYS = List.of("targets.file", "output", "smtp.password.file", "nmap.path", "rules",
            "store.password.file");

    private Properties properties;

    /** The settings file, read once; empty without {@code --config}. */
    Properties properties() {
        if (properties == null) {
            properties = new Properties();
            if (config != null) {
                try (Reader in = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                    properties.load(in);
                } catch (IOException e) {
                    throw new NmapDiffException("cannot read the config file " + config + ": " + e.getMessage());
                }
                if (properties.containsKey("smtp.password")) {
                    throw new NmapDiffException(config + ": smtp.password is not read from a config file;"
                            + " use smtp.password.env or smtp.password.file");
                }
                checkKeys(properties);
                resolvePaths(properties);
            }
        }
        return properties;
    }

    /** Refuses a key nobody reads, which is most often a typing error that would silently change nothing. */
    private void checkKeys(Properties p) {
        Set<String> plugins = Notifiers.pluginIds(Thread.currentThread().getContextClassLoader());
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            int dot = key.indexOf('.');
            if (KEYS.contains(key) || (dot > 0 && plugins.contains(key.substring(0, dot)))) {
                continue;
            }
            List<String> known = new ArrayList<>(KEYS);
            plugins.forEach(id -> known.add(id + "."));
            String nearest = known.stream().min(Comparator.comparingInt(k -> distance(k, key))).orElse(null);
            throw new NmapDiffException(config + ": unknown key '" + key + "'"
                    + (nearest != null && distance(nearest, key) <= Math.max(2, key.length() / 3) ? "; did you mean '" + nearest + "'?"
                            : "; the keys are listed in nmapdiff scan --help"));
        }
    }

    /** The edit distance between two keys, for "did you mean". */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** A relative path in the config file means a path beside the file, wherever nmapdiff is started from. */
    private void resolvePaths(Properties p) {
        Path base = config.toAbsolutePath().getParent();
        for (String key : PATH_KEYS) {
            String value = p.getProperty(key);
            if (value == null || value.isBlank()) {
                continue;
            }
            String v = value.strip();
            if (key.equals("nmap.path") && !v.contains("/")) {
                continue; // a program name, looked up on the PATH
            }
            if (!Path.of(v).isAbsolute()) {
                p.setProperty(key, base.resolve(v).normalize().toString());
            }
        }
    }

    /** Where the site's history goes besides the folder: the database, when one is set. */
    StoreOptions.Settings store() {
        return storeOptions.settings(key -> setting(null, key));
    }

    boolean groupReadable() {
        String value = setting(groupReadable, "group.readable");
        return value != null && Boolean.parseBoolean(value);
    }

    private String setting(Object flag, String key) {
        if (flag != null) {
            return flag.toString();
        }
        String value = properties().getProperty(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Settings for notifier plugins: the config file, then the environment as NMAPDIFF_WEBHOOK_URL for webhook.url. */
    NotifierConfig notifierConfig() {
        Properties p = properties();
        return key -> {
            String value = p.getProperty(key);
            return value != null ? value : System.getenv("NMAPDIFF_" + key.toUpperCase(Locale.ROOT).replace('.', '_'));
        };
    }

    Path targetsFile() {
        String value = setting(targetsFile, "targets.file");
        if (value == null) {
            throw new NmapDiffException("no targets: give a targets file with -f FILE (one target per line)");
        }
        return Path.of(value);
    }

    Path output() {
        String value = setting(output, "output");
        if (value == null) {
            throw new NmapDiffException("no snapshot folder: give one with -o DIR");
        }
        return Path.of(value);
    }

    NmapOptions nmapOptions() {
        String args = setting(nmapArgs, "nmap.args");
        return args == null ? NmapOptions.defaults() : NmapOptions.of(Arguments.split(args));
    }

    String nmapPath() {
        String value = setting(nmapPath, "nmap.path");
        return value == null ? "nmap" : value;
    }

    /** The scan's time limit; null for none ({@code --timeout none}). */
    Duration timeout() {
        String value = setting(timeout, "timeout");
        if (value == null) {
            return DEFAULT_TIMEOUT;
        }
        if (value.equalsIgnoreCase("none")) {
            return null;
        }
        Duration limit = Durations.parse(value, "--timeout");
        if (limit.isZero() || limit.isNegative()) {
            throw new NmapDiffException("--timeout must be longer than 0, or none for no limit; not '" + value + "'");
        }
        return limit;
    }

    Duration lockWait() {
        String value = setting(lockWait, "lock.wait");
        return value == null ? Duration.ofMinutes(5) : Durations.parse(value, "--lock-wait");
    }

    RetentionPolicy retention() {
        String last = setting(keepLast, "keep.last");
        String days = setting(keepDays, "keep.days");
        if (last == null && days == null) {
            return null;
        }
        Integer keep = last == null ? null : atLeastOne(last, "--keep-last (keep.last)");
        Integer age = days == null ? null : atLeastOne(days, "--keep-days (keep.days)");
        return RetentionPolicy.of(keep, age == null ? null : Duration.ofDays(age));
    }

    /** A whole number of at least 1, or an error in the option's terms. */
    private static int atLeastOne(String value, String option) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new NmapDiffException(option + " must be a whole number of at least 1, not '" + value + "'");
    }

    /** How the job tells noise from news. */
    NoisePolicy noise() {
        String value = setting(confirmAfter, "confirm.after");
        return value == null ? NoisePolicy.defaults()
                : NoisePolicy.defaults().confirmAfter(atLeastOne(value, "--confirm-after (confirm.after)"));
    }

    /** The team's rules; none without a rules file. */
    Rules rules() {
        String value = setting(rules, "rules");
        return value == null ? Rules.none() : RulesFile.read(Path.of(value));
    }

    Integer compressAfter() {
        String value = setting(compressAfter, "compress.after");
        return value == null ? null : Integer.valueOf(value);
    }

    /** Whether mail was asked for: recipients, or an SMTP server, on the command line or in the config file. */
    boolean mailWanted() {
        return !email.isEmpty() || setting(null, "email") != null || setting(smtpHost, "smtp.host") != null;
    }

    MailConfig mailConfig(Path outputFolder) {
        MailConfig.Builder mail = MailConfig.builder().outbox(outputFolder.resolve("outbox"));
        mail.host(setting(smtpHost, "smtp.host"));
        String port = setting(smtpPort, "smtp.port");
        if (port != null) {
            mail.port(Integer.valueOf(port));
        }
        String tls = setting(smtpTls, "smtp.tls");
        if (tls != null) {
            try {
                mail.tls(MailConfig.Tls.valueOf(tls.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new NmapDiffException("--smtp-tls must be none, opportunistic, starttls or smtps, not '" + tls + "'");
            }
        }
        String from = setting(smtpFrom, "smtp.from");
        if (from != null) {
            mail.from(from);
        }
        mail.user(setting(smtpUser, "smtp.user"));
        String env = setting(smtpPasswordEnv, "smtp.password.env");
        String file = setting(smtpPasswordFile, "smtp.password.file");
        if (env != null) {
            mail.passwordFromEnvironment(env);
        } else if (file != null) {
            mail.passwordFromFile(Path.of(file));
        }
        mail.sslTrust(properties().getProperty("smtp.ssl.trust"));
        String sendmailCommand = setting(sendmail, "sendmail");
        if (sendmailCommand != null) {
            mail.sendmail(Arguments.split(sendmailCommand));
        }
        List<String> to = new ArrayList<>(email);
        if (to.isEmpty() && properties().getProperty("email") != null) {
            to.add(properties().getProperty("email"));
        }
        mail.to(to.toArray(String[]::new));
        return mail.build();
    }
}
