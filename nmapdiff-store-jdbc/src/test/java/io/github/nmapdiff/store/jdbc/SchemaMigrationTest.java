package io.github.nmapdiff.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.run.Monitor;
import io.github.nmapdiff.core.run.MonitorReport;
import io.github.nmapdiff.core.spi.RunKind;
import io.github.nmapdiff.core.support.ScriptedScanEngine;
import io.github.nmapdiff.testkit.TestScans;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A database made by the first version of the schema, with a site's history in it, is brought to
 * this version when the store opens it, and the history reads on: the next night compares with
 * it and remembers it. A database newer than the code is refused with a word, not misread.
 */
class SchemaMigrationTest {
    private static final Instant DAY_1 = Instant.parse("2026-11-01T02:00:00Z");

    private static PostgresStore.Builder store(String url) {
        return PostgresStore.builder(url).user(TestPostgres.ADMIN).password(TestPostgres.ADMIN_PASSWORD);
    }

    private static MonitorReport night(PostgresStore db, int day, String... hosts) {
        ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV").then(TestScans.scan(DAY_1.plusSeconds(86_400L * (day - 1)), true, hosts));
        return Monitor.builder().engine(engine).store(db.site("branch-1")).targets(List.of("192.0.2.0/24")).build().run();
    }

    @Test
    void aDatabaseOfTheFirstVersionIsMigratedAndItsHistoryReadsOn() throws Exception {
        TestPostgres pg = TestPostgres.shared();
        String url = pg.newDatabase();
        try (PostgresStore v1 = store(url).schemaVersion(1).build()) {
            assertThat(night(v1, 1, "192.0.2.10:22").kind()).isEqualTo(RunKind.BASELINE);
        }
        assertThat(versions(pg, url)).containsExactly(1);

        try (PostgresStore db = store(url).build()) {
            assertThat(versions(pg, url)).containsExactly(1, 2);
            MonitorReport second = night(db, 2, "192.0.2.10:22,443");
            assertThat(second.kind()).isEqualTo(RunKind.CHANGES);
            assertThat(second.findings()).extracting(Finding::kind, Finding::port).containsExactly(org.assertj.core.groups.Tuple.tuple(
                    Finding.Kind.NEW_PORT, "443/tcp"));
            assertThat(db.site("branch-1").list()).hasSize(2);
            assertThat(db.site("branch-1").memory().orElseThrow().head().orElseThrow().sequence()).isEqualTo(2);
        }
    }

    @Test
    void aSchemaNewerThanThisNmapdiffIsRefusedWithAWord() {
        TestPostgres pg = TestPostgres.shared();
        String url = pg.newDatabase();
        store(url).build().close();
        pg.execute(url, "INSERT INTO nmapdiff.flyway_schema_history (installed_rank, version, description, type, script, installed_by,"
                + " execution_time, success) VALUES (99, '3', 'from a later nmapdiff', 'SQL', 'V3__later.sql', 'x', 0, true)");

        assertThatThrownBy(() -> store(url).build()).isInstanceOf(NmapDiffException.class)
                .hasMessageContaining("schema version 3, newer than this nmapdiff's 2: upgrade nmapdiff");
    }

    @Test
    void theCodesSchemaVersionIsItsNewestMigration() throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of("src/main/resources/db/nmapdiff");
        try (var files = java.nio.file.Files.list(folder)) {
            int newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
            assertThat(PostgresStore.SCHEMA_VERSION).isEqualTo(newest);
        }
    }

    private static List<Integer> versions(TestPostgres pg, String url) throws Exception {
        List<Integer> all = new ArrayList<>();
        try (Connection c = pg.admin(url); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT version::int FROM nmapdiff.flyway_schema_history WHERE version IS NOT NULL ORDER BY 1")) {
            while (r.next()) {
                all.add(r.getInt(1));
            }
        }
        return all;
    }
}
