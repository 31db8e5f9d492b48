package io.github.nmapdiff.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The questions people ask of the job's memory, against a simulated year imported: what is
 * open now and since when, the timeline of a host or a port, and ndiff between two dates. The
 * dates are exactly the known ones of the simulation.
 */
class QuestionsTest {
    private static final int YEAR = 365;

    @TempDir
    static Path dir;
    static Path scans;



    private static String day(int night) {
        return SimulatedNetwork.start(night).atZone(ZoneId.systemDefault()).toLocalDate().toString();
    }

    @BeforeAll
    static void aMonthImported() throws Exception {
        SimulatedNetwork network = new SimulatedNetwork(YEAR);
        Path old = Files.createDirectories(dir.resolve("old"));
        for (int n = 1; n <= YEAR; n++) {
            Files.writeString(old.resolve("night-" + n + ".xml"), network.night(n));
        }
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"));
        scans = dir.resolve("scans");
        Cli.Result imported = Cli.run("import", scans.toString(), old.toString(), "-f", ips.toString(), "--nmap-args", "-Pn -sV");
        assertThat(imported.code()).as(imported.err()).isZero();
    }

    @Test
    void theInventoryIsWhatIsOpenNowMostSeriousFirstWithWhenItWasFirstSeen() throws Exception {
        Cli.Result text = Cli.run("inventory", scans.toString());
        assertThat(text.code()).as(text.err()).isZero();
        List<String> lines = text.out().lines().toList();
        assertThat(lines.get(0)).startsWith("SEVERITY  HOST");
        assertThat(lines.get(1)).startsWith("high      192.0.2.200").contains("3389/tcp").contains(day(19));
        assertThat(text.out()).contains("db1.example.com (192.0.2.21)").contains(day(13))
                .doesNotContain("445/tcp").doesNotContain("old3.example.com")
                .contains("118 hosts answering").contains("as of snapshot");

        JsonNode json = new ObjectMapper().readTree(Cli.run("inventory", scans.toString(), "--json").out());
        assertThat(json.get("format").asText()).isEqualTo("nmapdiff-inventory");
        JsonNode db1 = null;
        for (JsonNode h : json.get("hosts")) {
            if (h.get("address").asText().equals("192.0.2.21")) {
                db1 = h;
            }
        }
        assertThat(db1.get("ports")).extracting(p -> p.get("port").asInt() + " " + p.get("severity").asText() + " "
                + p.get("firstSeen").asText()).contains("5432 high " + SimulatedNetwork.start(13));

        String csv = Cli.run("inventory", scans.toString(), "--csv").out();
        assertThat(csv.lines().findFirst()).hasValue("site,severity,address,name,port,service,version,first_seen,last_seen");
        assertThat(csv).contains("default,high,192.0.2.21,db1.example.com,5432/tcp,postgresql,PostgreSQL DB 15.4," + SimulatedNetwork.start(13));
    }

    @Test
    void aHostsTimelineHasEveryChangeOnItsDay() {
        Cli.Result db1 = Cli.run("history", scans.toString(), "--host", "db1.example.com");
        assertThat(db1.code()).as(db1.err()).isZero();
        assertThat(db1.out()).startsWith("db1.example.com (192.0.2.21): first seen " + day(1) + ", last seen " + day(YEAR))
                .contains("  5432/tcp postgresql PostgreSQL DB 15.4 open, first seen " + day(13) + ", last seen " + day(YEAR))
                .contains("  " + day(13) + "  5432/tcp postgresql opened (PostgreSQL DB 15.4)");

        assertThat(Cli.run("history", scans.toString(), "--host", "192.0.2.23").out())
                .contains("old3.example.com (192.0.2.23): first seen " + day(1) + ", last seen " + day(16) + " (gone)")
                .contains("  " + day(17) + "  stopped answering");
        assertThat(Cli.run("history", scans.toString(), "--host", "192.0.2.24").out())
                .contains("  " + day(21) + "  22/tcp ssh version OpenSSH 9.2p1 -> OpenSSH 9.6p1");
    }

    @Test
    void aPortsTimelineAcrossHostsWithinDates() {
        Cli.Result smb = Cli.run("history", scans.toString(), "--port", "445/tcp");
        assertThat(smb.out()).contains("fs1.example.com (192.0.2.27)")
                .contains("  445/tcp microsoft-ds not open, first seen " + day(1) + ", last seen " + day(28))
                .contains("  " + day(29) + "  445/tcp microsoft-ds closed");

        Cli.Result since = Cli.run("history", scans.toString(), "--port", "2121", "--since", day(22), "--until", day(24));
        assertThat(since.out()).contains("  " + day(23) + "  2121/tcp service ftp vsftpd 3.0.3 -> http nginx 1.22.1");
        assertThat(Cli.run("history", scans.toString(), "--port", "2121", "--since", day(24)).out())
                .doesNotContain("service ftp vsftpd");
        assertThat(Cli.run("history", scans.toString(), "--host", "192.0.2.99").err()).contains("the job has never seen 192.0.2.99 answer");
    }

    @Test
    void ndiffBetweenTwoDates() {
        Cli.Result diff = Cli.run("diff", scans.toString(), "--at", day(12), "--at", day(14));
        assertThat(diff.code()).as(diff.err()).isEqualTo(1);
        assertThat(diff.out()).contains("db1.example.com (192.0.2.21):").contains("+5432/tcp open");

        Cli.Result none = Cli.run("diff", scans.toString(), "--at", "2024-12-01", "--at", day(14));
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no complete snapshot on or before 2024-12-01").contains("the first is from " + day(1));
    }

    @Test
    void theSnapshotListTakesTheDaysAskedAndItsTimesKeepTheirColumns() {
        Cli.Result week = Cli.run("history", scans.toString(), "--since", day(100), "--until", day(106));
        assertThat(week.code()).as(week.err()).isZero();
        List<String> lines = week.out().lines().toList();
        assertThat(lines).hasSize(1 + 7);
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.matches("\\S+ +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +complete +\\d+ .*"));

        Cli.Result backwards = Cli.run("history", scans.toString(), "--since", day(106), "--until", day(100));
        assertThat(backwards.code()).isEqualTo(2);
        assertThat(backwards.err()).contains("is after --until");
    }

    @Test
    void aReportOfDaysWithoutANightSaysWhereTheHistoryIs() {
        Cli.Result report = Cli.run("report", scans.toString(), "-o", dir.resolve("none.html").toString(), "--since", "2030-01-01");
        assertThat(report.code()).isEqualTo(2);
        assertThat(report.err()).contains("no night between 2030-01-01 and the last: the history runs from " + day(1) + " to " + day(YEAR))
                .doesNotContain("1970");
    }
}
