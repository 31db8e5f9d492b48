package io.github.nmapdiff.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.run.Monitor;
import io.github.nmapdiff.core.support.ScriptedScanEngine;
import io.github.nmapdiff.core.spi.NewSnapshot;
import io.github.nmapdiff.testkit.TestScans;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A role per site, as the README tells a DBA to make them: a site's role reads and writes its
 * own site's rows only; it cannot read, change or delete another site's history, even with
 * its own SQL; a reader role reads every site and writes none.
 */
class SiteRolesTest {
    private static final Instant DAY_1 = Instant.parse("2026-11-01T02:00:00Z");
    static TestPostgres pg;
    static String url;

    @BeforeAll
    static void twoSitesAndAReader() {
        pg = TestPostgres.shared();
        url = pg.newDatabase();
        try (PostgresStore owner = open(TestPostgres.ADMIN, TestPostgres.ADMIN_PASSWORD)) {
            owner.sites(); // the schema, made by the owner
        }
        String suffix = url.substring(url.lastIndexOf('/') + 1);
        pg.execute(url, "CREATE ROLE scanner_a_" + suffix + " LOGIN PASSWORD 'a-secret'", "CREATE ROLE scanner_b_" + suffix
                + " LOGIN PASSWORD 'b-secret'", "CREATE ROLE report_" + suffix + " LOGIN PASSWORD 'r-secret'",
                "SELECT nmapdiff.add_site('site-a', 'scanner_a_" + suffix + "')", "SELECT nmapdiff.add_site('site-b', 'scanner_b_" + suffix + "')",
                "SELECT nmapdiff.add_reader('report_" + suffix + "')");
        night(role("scanner_a"), "a-secret", "site-a", 1, "192.0.2.10:22,80");
        night(role("scanner_b"), "b-secret", "site-b", 1, "192.0.2.10:22,3389");
    }

    private static String role(String prefix) {
        return prefix + "_" + url.substring(url.lastIndexOf('/') + 1);
    }

    private static PostgresStore open(String user, String password) {
        return PostgresStore.builder(url).user(user).password(password).build();
    }

    private static void night(String user, String password, String site, int day, String... hosts) {
        try (PostgresStore db = open(user, password)) {
            ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV").then(TestScans.scan(DAY_1.plusSeconds(86_400L * (day - 1)), true, hosts));
            Monitor.builder().engine(engine).store(db.site(site)).targets(List.of("192.0.2.0/24")).build().run();
        }
    }

    private static Connection as(String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aSiteSeesItsOwnHistoryOnly() {
        try (PostgresStore a = open(role("scanner_a"), "a-secret")) {
            assertThat(a.sites()).containsExactly("site-a");
            assertThat(a.site("site-a").list()).hasSize(1);
            assertThat(a.site("site-a").memory().orElseThrow().summaries()).hasSize(1);
            assertThatThrownBy(() -> a.site("site-b")).isInstanceOf(NmapDiffException.class)
                    .hasMessageContaining("site site-b is not in the database").hasMessageContaining("nmapdiff.add_site");
        }
    }

    @Test
    void aSitesRoleCannotReadChangeOrDeleteAnotherSitesRowsWithItsOwnSql() throws Exception {
        try (Connection a = as(role("scanner_a"), "a-secret"); Statement s = a.createStatement()) {
            assertThat(count(a, "SELECT count(*) FROM nmapdiff.snapshots WHERE site = 'site-b'")).isZero();
            assertThat(count(a, "SELECT count(*) FROM nmapdiff.hosts")).as("its own host only").isEqualTo(1);
            assertThat(s.executeUpdate("UPDATE nmapdiff.hosts SET name = 'forged' WHERE site = 'site-b'")).isZero();
            assertThat(s.executeUpdate("DELETE FROM nmapdiff.snapshots WHERE site = 'site-b'")).isZero();
            assertThat(s.executeUpdate("DELETE FROM nmapdiff.memory_head")).as("its own head only").isEqualTo(1);
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO nmapdiff.events (site, host_key, at, kind)"
                    + " VALUES ('site-b', '192.0.2.10', now(), 'new-port')")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE nmapdiff.hosts SET site = 'site-b'")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM nmapdiff.sites WHERE name = 'site-b'")).isInstanceOf(SQLException.class);
        }
        try (PostgresStore owner = open(TestPostgres.ADMIN, TestPostgres.ADMIN_PASSWORD)) {
            assertThat(owner.site("site-b").list()).as("site b's history is whole").hasSize(1);
            assertThat(owner.site("site-b").memory().orElseThrow().head()).isPresent();
            assertThat(owner.site("site-b").memory().orElseThrow().hosts(List.of("192.0.2.10")).get("192.0.2.10").name()).isNull();
        }
    }

    @Test
    void aReaderReadsEverySiteAndWritesNone() throws Exception {
        try (PostgresStore reader = open(role("report"), "r-secret")) {
            assertThat(reader.sites()).containsExactly("site-a", "site-b");
            assertThat(reader.site("site-b").list()).hasSize(1);
            Scan scan = TestScans.scan(DAY_1.plusSeconds(86_400L * 5), true, "192.0.2.99:22");
            assertThatThrownBy(() -> reader.site("site-b").save(NewSnapshot.of(scan, TestScans.xml(scan), scan.start(),
                    Scope.of(List.of("192.0.2.0/24"), List.of("-sV"))))).isInstanceOf(NmapDiffException.class)
                    .hasMessageContaining("refused");
        }
    }
}
