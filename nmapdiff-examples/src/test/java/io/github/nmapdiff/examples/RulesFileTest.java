package io.github.nmapdiff.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.memory.Rule;
import io.github.nmapdiff.core.memory.Rules;
import io.github.nmapdiff.core.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
