package io.github.nmapdiff.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One severity, the rules applied, everywhere: a month imported with rules that make RDP
 * critical and ignore telnet on the switch; the inventory and the report say what the mail
 * said, whether the rules are given again or taken from what the job kept.
 */
class RulesEverywhereTest {
    @TempDir
    static Path dir;
    static Path withRules;
    static Path without;
    static Path rules;

    @BeforeAll
    static void aMonthImportedWithAndWithoutRules() throws Exception {
        SimulatedNetwork network = new SimulatedNetwork();
        Path old = Files.createDirectories(dir.resolve("old"));
        for (int n = 1; n <= SimulatedNetwork.NIGHTS; n++) {
            Files.writeString(old.resolve("night-" + n + ".xml"), network.night(n));
        }
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"));
        rules = Files.writeString(dir.resolve("rules.yaml"), """
                ignore:
                  - host: 192.0.2.26
                    port: 23/tcp
                    reason: the switch's console, known
                severity:
                  - port: 3389/tcp
                    severity: critical
                """);
        withRules = dir.resolve("with-rules");
        without = dir.resolve("without");
        Cli.Result a = Cli.run("import", withRules.toString(), old.toString(), "-f", ips.toString(), "--nmap-args", "-Pn -sV",
                "--rules", rules.toString());
        assertThat(a.code()).as(a.err()).isZero();
        Cli.Result b = Cli.run("import", without.toString(), old.toString(), "-f", ips.toString(), "--nmap-args", "-Pn -sV");
        assertThat(b.code()).as(b.err()).isZero();
    }

    @Test
    void theInventoryGivesTheSeverityTheRulesGive() {
        Cli.Result kept = Cli.run("inventory", withRules.toString());
        assertThat(kept.out().lines()).anyMatch(l -> l.startsWith("critical") && l.contains("192.0.2.200") && l.contains("3389/tcp"));
        assertThat(kept.out()).doesNotContain("high      192.0.2.200");

        Cli.Result given = Cli.run("inventory", without.toString(), "--rules", rules.toString(), "--csv");
        assertThat(given.out()).contains("critical,192.0.2.200,,3389/tcp");

        Cli.Result none = Cli.run("inventory", without.toString());
        assertThat(none.out().lines()).anyMatch(l -> l.startsWith("high") && l.contains("192.0.2.200"));
    }

    @Test
    void theReportCountsWhatWasReportedAndWhatTheRulesIgnored() throws Exception {
        Path a = dir.resolve("with.html");
        Path b = dir.resolve("without.html");
        assertThat(Cli.run("report", withRules.toString(), "-o", a.toString()).code()).isZero();
        assertThat(Cli.run("report", without.toString(), "-o", b.toString()).code()).isZero();
        String with = Files.readString(a);
        String plain = Files.readString(b);

        assertThat(with).contains("<b>1</b><span>critical open ports</span>");
        assertThat(plain).contains("<b>0</b><span>critical open ports</span>");
        assertThat(findings(with)).as("telnet's opening was ignored, not reported").isEqualTo(findings(plain) - 1);
        assertThat(with).contains("ignored by rules");
        assertThat(plain).doesNotContain("ignored by rules");
    }

    private static int findings(String html) {
        Matcher m = Pattern.compile("(\\d+) findings? reported in").matcher(html);
        assertThat(m.find()).as("the headline counts findings").isTrue();
        return Integer.parseInt(m.group(1));
    }
}
