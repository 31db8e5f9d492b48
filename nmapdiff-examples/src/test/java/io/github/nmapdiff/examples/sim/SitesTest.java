package io.github.nmapdiff.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;
import io.github.nmapdiff.store.jdbc.PostgresSnapshotStore;
import io.github.nmapdiff.store.jdbc.PostgresStore;
import io.github.nmapdiff.store.jdbc.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An organisation's setup, through the command line: two scanner sites with the same
 * addresses, three weeks of nights each, into one PostgreSQL; site A as the schema's owner,
 * site B as a role of its own, made with the README's SQL. The database is down on the night a
 * database port opens in site A: the night is reported all the same, and the next run hands
 * both nights over. Then the questions, of one site and of all.
 */
class SitesTest {
    private static final int NIGHTS = 21;
    /** The night site A's database is down: the night db1's 5432 opens. */
    private static final int DOWN = 13;

    @TempDir
    static Path dir;
    static TestPostgres pg;
    static String url;
    static Path ownerPassword;
    static Path bPassword;
    static final List<Cli.Result> nightsOfA = new ArrayList<>();
    static final List<Cli.Result> nightsOfB = new ArrayList<>();

    @BeforeAll
    static void threeWeeksOfTwoSites() throws Exception {
        pg = TestPostgres.shared();
        url = pg.newDatabase();
        ownerPassword = Files.writeString(dir.resolve("owner.password"), TestPostgres.ADMIN_PASSWORD + "\n");
        bPassword = Files.writeString(dir.resolve("b.password"), "b-secret\n");
        Cli.Result migrated = Cli.run("store", "migrate", "--store", url, "--store-user", TestPostgres.ADMIN, "--store-password-file",
                ownerPassword.toString());
        assertThat(migrated.code()).as(migrated.err()).isZero();
        String role = "scanner_b_" + url.substring(url.lastIndexOf('/') + 1);
        pg.execute(url, "CREATE ROLE " + role + " LOGIN PASSWORD 'b-secret'", "SELECT nmapdiff.add_site('site-b', '" + role + "')");

        SimulatedNetwork network = new SimulatedNetwork();
        Path nightsA = Files.createDirectories(dir.resolve("nights-a"));
        Path nightsB = Files.createDirectories(dir.resolve("nights-b"));
        String first = network.night(1);
        for (int n = 1; n <= NIGHTS; n++) {
            Files.writeString(nightsA.resolve("night-" + n + ".xml"), network.night(n));
            // site B: the same addresses, nothing ever changes but the date
            Files.writeString(nightsB.resolve("night-" + n + ".xml"), first.replace(Long.toString(SimulatedNetwork.start(1).getEpochSecond()),
                    Long.toString(SimulatedNetwork.start(n).getEpochSecond())));
        }
        ReplayedNmap nmapA = ReplayedNmap.in(dir, nightsA);
        ReplayedNmap nmapB = ReplayedNmap.in(dir, nightsB);
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"));
        for (int n = 1; n <= NIGHTS; n++) {
            if (n == DOWN) {
                pg.stopServer();
            }
            try {
                nightsOfA.add(Cli.run("scan", "-f", ips.toString(), "-o", dir.resolve("site-a").toString(), "--nmap", nmapA.night(n).program(),
                        "--nmap-args", "-Pn -sV", "--store", url, "--store-user", TestPostgres.ADMIN, "--store-password-file",
                        ownerPassword.toString(), "--site", "site-a"));
            } finally {
                if (n == DOWN) {
                    pg.startServer();
                }
            }
            nightsOfB.add(Cli.run("scan", "-f", ips.toString(), "-o", dir.resolve("site-b").toString(), "--nmap", nmapB.night(n).program(),
                    "--nmap-args", "-Pn -sV", "--store", url, "--store-user", role, "--store-password-file", bPassword.toString(),
                    "--site", "site-b"));
        }
    }

    private static PostgresStore owner() {
        return PostgresStore.builder(url).user(TestPostgres.ADMIN).password(TestPostgres.ADMIN_PASSWORD).build();
    }

    @Test
    void theNightTheDatabaseIsDownIsReportedAndHandedOverByTheNextRunOnce() {
        Cli.Result down = nightsOfA.get(DOWN - 1);
        assertThat(down.out()).contains("[high] 5432/tcp postgresql opened on db1.example.com (192.0.2.21)");
        assertThat(down.err()).contains("cannot be reached").contains("the night waits in " + dir.resolve("site-a"));
        assertThat(down.code()).as("the README's table: something waits to be delivered").isEqualTo(3);
        assertThat(nightsOfA.get(DOWN).out()).contains("2 nights kept");
        assertThat(nightsOfA.get(DOWN).code()).isZero();

        try (PostgresStore db = owner()) {
            PostgresSnapshotStore a = db.site("site-a");
            List<Snapshot> kept = Snapshots.of(a).list();
            assertThat(kept).extracting(Snapshot::start).containsExactlyElementsOf(
                    Snapshots.of(FileSystemSnapshotStore.open(dir.resolve("site-a"))).list().stream().map(Snapshot::start).toList());
            List<Night> nights = NetworkMemory.over(a.memory().orElseThrow()).nights();
            assertThat(nights.stream().flatMap(n -> n.findings().stream()).filter(f -> "5432/tcp".equals(f.port())))
                    .as("the opening is in the database once, on its night").hasSize(1)
                    .allMatch(f -> f.firstSeen().equals(SimulatedNetwork.start(DOWN)));
        }
    }

    @Test
    void twoSitesWithTheSameAddressesAreTwoHistories() {
        assertThat(nightsOfB).as("site B never changes").allMatch(r -> r.code() == 0);
        assertThat(nightsOfA.stream().filter(r -> r.code() == 1)).as("site A's events").isNotEmpty();
        try (PostgresStore db = owner()) {
            assertThat(db.sites()).containsExactly("site-a", "site-b");
            NetworkMemory b = NetworkMemory.over(db.site("site-b").memory().orElseThrow());
            assertThat(b.nights()).hasSize(NIGHTS).allMatch(n -> n.findings().isEmpty());
            assertThat(b.openPorts().get("192.0.2.21")).containsExactly("22/tcp");
            assertThat(NetworkMemory.over(db.site("site-a").memory().orElseThrow()).openPorts().get("192.0.2.21"))
                    .containsExactly("22/tcp", "5432/tcp");
        }
    }

    @Test
    void theQuestionsAskOneSiteOrAll() {
        String[] login = {"--store", url, "--store-user", TestPostgres.ADMIN, "--store-password-file", ownerPassword.toString()};
        Cli.Result all = Cli.run(concat(new String[] {"inventory"}, login));
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(all.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("SITE    SEVERITY  HOST"));
        assertThat(all.out()).containsPattern("site-a  high +db1.example.com \\(192.0.2.21\\) +5432/tcp")
                .contains("2 sites, ");
        Cli.Result onlyB = Cli.run(concat(new String[] {"inventory", "--site", "site-b", "--csv"}, login));
        assertThat(onlyB.out()).contains("site-b,medium,192.0.2.21,db1.example.com,22/tcp").doesNotContain("5432/tcp")
                .doesNotContain("site-a,");

        Cli.Result history = Cli.run(concat(new String[] {"history", "--site", "site-a"}, login));
        assertThat(history.out().lines().count()).as("a line a night, and the header").isEqualTo(NIGHTS + 1);
        Cli.Result which = Cli.run(concat(new String[] {"history"}, login));
        assertThat(which.code()).isEqualTo(2);
        assertThat(which.err()).contains("holds 2 sites (site-a, site-b): name one with --site");

        Path report = dir.resolve("report.html");
        Cli.Result html = Cli.run(concat(new String[] {"report", "-o", report.toString()}, login));
        assertThat(html.code()).as(html.err()).isZero();
        assertThat(report).content().contains("<option>site-a</option><option>site-b</option>");

        Cli.Result diff = Cli.run(concat(new String[] {"diff", "--site", "site-a", "--at", SimulatedNetwork.start(12).toString(), "--at",
            SimulatedNetwork.start(13).toString()}, login));
        assertThat(diff.out()).contains("+5432/tcp");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
