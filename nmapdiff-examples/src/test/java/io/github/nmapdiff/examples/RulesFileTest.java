package io.github.nmapdiff.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.memory.Rule;
import io.github.nmapdiff.core.memory.Rules;
import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HostIdentity;
import io.github.nmapdiff.core.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("rules.yaml"), yaml);
    }

    @Test
    void theReadmesExampleReadsAsItSays() throws IOException {
        Rules rules = RulesFile.read(file("""
                # what the team decided, 2026-11-30
                ignore:
                  - host: 198.51.100.0/24   # the lab
                    port: 161/udp
                    reason: the lab's SNMP
                  - script: ssl-cert
                    host: "*.test.example.com"
                expect:
                  - host: 192.0.2.0/24
                    port: 22/tcp
                  - host: 192.0.2.15
                    port: 3389
                    until: 2027-03-31
                    reason: vendor access, ticket 4711
                severity:
                  - port: 3389/tcp
                    severity: critical
                """));

        assertThat(rules.rules()).extracting(Rule::action).containsExactly(Rule.Action.IGNORE, Rule.Action.IGNORE,
                Rule.Action.EXPECT, Rule.Action.EXPECT, Rule.Action.SEVERITY);
        assertThat(rules.rules()).extracting(Rule::source).containsExactly("rules.yaml:3", "rules.yaml:6", "rules.yaml:9",
                "rules.yaml:11", "rules.yaml:16");
        assertThat(rules.rules().get(3).until()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(rules.rules().get(4).severityGiven()).isEqualTo(Severity.CRITICAL);
        assertThat(RulesFile.read(file("")).rules()).isEmpty();
    }

    @Test
    void aListItemThatIsNoMapIsAMistakeAndDropsNoLaterRule() throws IOException {
        for (String item : new String[] {"  - 192.0.2.1\n", "  - [192.0.2.1, 22]\n", "  - - host: 192.0.2.1\n"}) {
            assertThatThrownBy(() -> RulesFile.read(file("ignore:\n  - host: 192.0.2.0/24\n    port: 161/udp\n" + item
                    + "severity:\n  - port: 3389/tcp\n    severity: critical\n")))
                    .as(item).isInstanceOf(NmapDiffException.class).hasMessageContaining("rules.yaml:4: each rule of ignore must be a map");
        }
        assertThatThrownBy(() -> RulesFile.read(file("ignore:\n  - host: [[[\n"))).isInstanceOf(NmapDiffException.class)
                .hasMessageContaining("rules.yaml:");
    }

    @Test
    void anEmptyValueIsAMistakeNotABug() throws IOException {
        assertThatThrownBy(() -> RulesFile.read(file("ignore:\n  - host:\n    port: 22/tcp\n"))).isInstanceOf(NmapDiffException.class)
                .hasMessageMatching(".*rules.yaml:[23]: host has no value; give it one, or remove the line");
    }

    @Test
    void anIgnoreRuleForEveryHostAndNothingElseIsRefused() throws IOException {
        for (String host : new String[] {"\"*\"", "0.0.0.0/0", "\"::/0\"", "\"**\""}) {
            assertThatThrownBy(() -> RulesFile.read(file("ignore:\n  - host: " + host + "\n"))).as(host)
                    .isInstanceOf(NmapDiffException.class).hasMessageContaining("would hide every finding");
        }
        assertThat(RulesFile.read(file("ignore:\n  - host: \"*\"\n    port: 161/udp\n")).rules()).hasSize(1);
    }

    @Test
    void aGlobOfManyStarsAgainstALongHostileNameEndsAtOnce() throws IOException {
        Rules rules = RulesFile.read(file("ignore:\n  - host: \"*a*a*a*a*a*a*a*a*b\"\n    port: 22/tcp\n"));
        String hostile = "a".repeat(250);
        Finding f = Finding.newPort(HostIdentity.of("192.0.2.9", "192.0.2.9", hostile, null), "22/tcp", "ssh", null, Severity.MEDIUM,
                Instant.EPOCH, Instant.EPOCH);
        long start = System.nanoTime();
        assertThat(rules.rules().get(0).matches(f)).isFalse();
        assertThat(rules.rules().get(0).matches(f.toBuilder().build())).isFalse();
        System.out.printf("a 9-star glob against a 250-character name: %.1f ms%n", (System.nanoTime() - start) / 1e6);
        Finding named = Finding.newPort(HostIdentity.of("192.0.2.9", "192.0.2.9", "xaxaxaxaxaxaxaxaxb", null), "22/tcp", "ssh", null,
                Severity.MEDIUM, Instant.EPOCH, Instant.EPOCH);
        assertThat(rules.rules().get(0).matches(named)).isTrue();
    }

    @Test
    void everyMistakeIsOneLineNamingTheFileAndLine() throws IOException {
        assertThatThrownBy(() -> RulesFile.read(file("ignore:\n  - host: 192.0.2.0/24\n  - host: 192.0.2.0/40\n")))
                .isInstanceOf(NmapDiffException.class).hasMessageEndingWith("rules.yaml:3: '192.0.2.0/40': a prefix length must be 0 to 32");
        assertThatThrownBy(() -> RulesFile.read(file("ignores:\n  - port: 22\n"))).hasMessageContaining("rules.yaml:1: unknown section 'ignores'");
        assertThatThrownBy(() -> RulesFile.read(file("ignore:\n  - prot: 22\n")))
                .hasMessageContaining("rules.yaml:2: unknown key 'prot' in a ignore rule; it may have host, kind, port, reason");
        assertThatThrownBy(() -> RulesFile.read(file("expect:\n  - port: 22\n    until: next spring\n")))
                .hasMessageContaining("rules.yaml:2: until must be a date like 2027-03-31, not 'next spring'");
        assertThatThrownBy(() -> RulesFile.read(file("severity:\n  - port: 22\n    severity: urgent\n")))
                .hasMessageContaining("rules.yaml:2: 'urgent' is not a severity");
        assertThatThrownBy(() -> RulesFile.read(file("ignore:\n  - host: 192.0.2.1\n   port: 22\n"))).hasMessageContaining("rules.yaml:")
                .hasMessageContaining("not YAML");
        assertThatThrownBy(() -> RulesFile.read(dir.resolve("none.yaml"))).hasMessage("no such rules file: " + dir.resolve("none.yaml"));
    }
}
