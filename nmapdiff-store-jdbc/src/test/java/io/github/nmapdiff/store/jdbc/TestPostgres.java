package io.github.nmapdiff.store.jdbc;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, of their own: {@code initdb} in a temporary folder,
 * {@code pg_ctl} on a free loopback port, one per JVM, stopped when the JVM ends. As root it
 * runs as the {@code postgres} user (PostgreSQL refuses root), which Debian's package creates.
 * Each test takes a database of its own ({@link #newDatabase()}).
 *
 * <p>Not installed: skipped on a developer's machine, failed on CI (where {@code CI} is set).
 */
public final class TestPostgres {
    /** The server's superuser, who owns the test databases. */
    public static final String ADMIN = "nmapdiff_admin";
    /** Its password (loopback connections need one, as on a real server). */
    public static final String ADMIN_PASSWORD = "admin-secret";

    private static TestPostgres shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final boolean asPostgres;
    private final int port;

    private TestPostgres(Path bin, Path dir, boolean asPostgres, int port) {
        this.bin = bin;
        this.dir = dir;
        this.asPostgres = asPostgres;
        this.port = port;
    }

    /** Returns the JVM's server, started the first time. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Skips (on a developer machine) or fails (on CI) unless PostgreSQL's server programs are installed. */
    public static void require() {
        boolean installed = binaries() != null;
        if (System.getenv("CI") != null && !installed) {
            fail("PostgreSQL's server is not installed; .ci/run must install it (apt-get install postgresql)");
        }
        assumeTrue(installed, "PostgreSQL's server is not installed (apt-get install postgresql)");
    }

    /** The folder of initdb and pg_ctl: Debian's newest version, else the PATH's; null when none. */
    private static Path binaries() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> number(v.getFileName().toString()))).orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            } catch (IOException e) {
                // look on the PATH
            }
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "initdb")) && Files.isExecutable(Path.of(d, "pg_ctl"))) {
                return Path.of(d);
            }
        }
        return null;
    }

    private static int number(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static TestPostgres start() {
        require();
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("nmapdiff-pg-");
            Path password = dir.resolve("pwfile");
            Files.writeString(password, ADMIN_PASSWORD + "\n");
            if (root) {
                UserPrincipal postgres;
                try {
                    postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                } catch (IOException e) {
                    throw new AssertionError("PostgreSQL refuses to run as root and there is no postgres user to run it as;"
                            + " run the tests as another user, or apt-get install postgresql (it creates the user)");
                }
                Files.setOwner(dir, postgres);
                Files.setOwner(password, postgres);
            }
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            TestPostgres server = new TestPostgres(bin, dir, root, port);
            server.run(120, "initdb", "-D", dir.resolve("data").toString(), "-U", ADMIN, "--pwfile=" + password,
                    "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            server.startServer();
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
            return server;
        } catch (IOException e) {
            throw new AssertionError("cannot start a PostgreSQL server for the tests: " + e.getMessage(), e);
        }
    }

    /** Starts the server (again, after {@link #stopServer()}), on the same port with the same data. */
    public void startServer() {
        run(60, "pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(), "-w", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off -c max_connections=200", "start");
    }

    /** Stops the server at once, as a crash or a network down would look to a client. */
    public void stopServer() {
        run(60, "pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    }

    private void destroy() {
        try {
            stopServer();
        } catch (AssertionError e) {
            // stopped already
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder
        }
    }

    private void run(long seconds, String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgres) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("pg-out", ".txt");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).directory(dir.toFile()).start();
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not end within " + seconds + " s");
                }
                if (p.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                            + Files.readString(out, StandardCharsets.UTF_8));
                }
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Returns the server's port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Returns the JDBC URL of a database of the server. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a new, empty database owned by {@link #ADMIN} and returns its URL. */
    public String newDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + name);
        return url(name);
    }

    /** Returns a connection to a database as {@link #ADMIN}. */
    public Connection admin(String url) throws SQLException {
        return DriverManager.getConnection(url, ADMIN, ADMIN_PASSWORD);
    }

    /** Runs statements in a database as {@link #ADMIN}. */
    public void execute(String database, String... statements) {
        try (Connection c = admin(database.startsWith("jdbc:") ? database : url(database)); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot run " + String.join("; ", statements) + ": " + e.getMessage(), e);
        }
    }
}
