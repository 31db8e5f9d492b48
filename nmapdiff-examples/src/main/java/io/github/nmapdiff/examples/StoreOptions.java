package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.store.jdbc.PostgresStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * Where every site's history is: the options of the database ({@code --store} and its login)
 * and of the site ({@code --site}), shared by the job and the questions. Without
 * {@code --store}, nothing changes: the snapshot folder is the history.
 */
final class StoreOptions {
    /** The site a job or a folder is of when none is named. */
    static final String DEFAULT_SITE = "default";

    /** The config keys of these options. */
    static final List<String> KEYS = List.of("store", "store.user", "store.password.env", "store.password.file", "site");

    @Option(names = "--store", paramLabel = "URL",
            description = "the PostgreSQL database that keeps every site's history, jdbc:postgresql://HOST:PORT/DB; TLS is the"
                    + " driver's (?sslmode=verify-full) (config: store)")
    String url;

    @Option(names = "--store-user", paramLabel = "USER", description = "the database role to log in as (config: store.user)")
    String user;

    @Option(names = "--store-password-env", paramLabel = "VAR",
            description = "the environment variable that holds the database password (config: store.password.env)")
    String passwordEnv;

    @Option(names = "--store-password-file", paramLabel = "FILE",
            description = "the file whose first line is the database password (config: store.password.file)")
    Path passwordFile;

    @Option(names = "--site", paramLabel = "NAME",
            description = "the scanner site: a name per network segment, such as branch-1 (config: site; default: default)")
    String site;

    /**
     * What is set: the flags first, then the config file's keys.
     *
     * @param config a config file's value of a key, or null; never null itself
     */
    Settings settings(UnaryOperator<String> config) {
        String u = url != null ? url : config.apply("store");
        String name = site != null ? site : config.apply("site");
        String file = passwordFile != null ? passwordFile.toString() : config.apply("store.password.file");
        Settings s = new Settings(u, user != null ? user : config.apply("store.user"),
                passwordEnv != null ? passwordEnv : config.apply("store.password.env"), file == null ? null : Path.of(file), name);
        s.check();
        return s;
    }

    /** The settings without a config file: those of the questions. */
    Settings settings() {
        return settings(key -> null);
    }

    /**
     * The database and site, as set.
     *
     * @param url the database's JDBC URL; null for none (the folder alone)
     * @param user the role; null for the driver's default
     * @param passwordEnv the variable of the password; may be null
     * @param passwordFile the file of the password; may be null
     * @param site the site named; null when none was
     */
    record Settings(String url, String user, String passwordEnv, Path passwordFile, String site) {
        /** Whether a database keeps the history. */
        boolean database() {
            return url != null;
        }

        /** The site's name: the one named, or {@link #DEFAULT_SITE}. */
        String siteName() {
            return site == null ? DEFAULT_SITE : site;
        }

        /** Checks what can be checked before anything runs: the URL's form, the site's name, the password's source. */
        void check() {
            if (site != null) {
                PostgresStore.checkSiteName(site);
            }
            if (url == null) {
                if (user != null || passwordEnv != null || passwordFile != null) {
                    throw new NmapDiffException("--store-user and --store-password-* are for a database: give it with --store URL");
                }
                return;
            }
            if (!url.startsWith("jdbc:postgresql://")) {
                throw new NmapDiffException("--store '" + url + "' is not a PostgreSQL JDBC URL: write jdbc:postgresql://HOST:PORT/DATABASE");
            }
            if (passwordEnv != null && passwordFile != null) {
                throw new NmapDiffException("give the database password one way: --store-password-env or --store-password-file");
            }
            password();
        }

        /** The password from its variable or file; null when none is set (the driver may use ~/.pgpass). */
        String password() {
            if (passwordEnv != null) {
                String value = System.getenv(passwordEnv);
                if (value == null) {
                    throw new NmapDiffException("the environment variable " + passwordEnv + " (--store-password-env) is not set");
                }
                return value;
            }
            if (passwordFile != null) {
                try {
                    List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
                    if (lines.isEmpty() || lines.get(0).isEmpty()) {
                        throw new NmapDiffException(passwordFile + " (--store-password-file) is empty: its first line is the password");
                    }
                    return lines.get(0);
                } catch (IOException e) {
                    throw new NmapDiffException("cannot read the database password from " + passwordFile + ": " + e.getMessage());
                }
            }
            return null;
        }

        /** Connects to the database; the caller closes it. */
        PostgresStore open() {
            return PostgresStore.builder(url).user(user).password(password()).build();
        }
    }
}
