package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.Severity;
import io.github.nmapdiff.core.model.Triage;
import static io.github.nmapdiff.core.memory.Nights.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesTest {
    private static final LocalDate DAY_2 = LocalDate.of(2026, 11, 2);

    /** What a night on which these ports open on these hosts finds, with rules applied. */
    private static Triage opened(Rules rules, String... after) {
        NetworkMemory memory = NetworkMemory.inMemory();
        memory.absorbAndCommit("s1", Nights.indexed(scan(1, "192.0.2.1 22/tcp:open:ssh", "198.51.100.7 22/tcp:open:ssh",
                "2001:db8::5 22/tcp:open:ssh")), Nights.night(1), Nights.SCOPE, NoisePolicy.defaults());
        Absorbed t = memory.absorb("s2", Nights.indexed(scan(2, after)), Nights.night(2), Nights.SCOPE, NoisePolicy.defaults());
        return rules.apply(t, memory, DAY_2, DAY_2.minusDays(1));
    }

    @Test
    void anIgnoreRuleHoldsBackWhatItMatchesAndCountsIt() {
        Rules rules = Rules.of(List.of(Rule.ignore().host("198.51.100.0/24").port("8080").reason("the lab").build(),
                Rule.ignore().host("*.printers.example.com").build()));

        Triage t = opened(rules, "192.0.2.1 22/tcp:open:ssh 8080/tcp:open:http-proxy",
                "198.51.100.7 22/tcp:open:ssh 8080/tcp:open:http-proxy", "2001:db8::5 22/tcp:open:ssh",
                "192.0.2.60 hp9.printers.example.com 9100/tcp:open:jetdirect");

        assertThat(t.findings()).extracting(Finding::toString).containsExactly("[medium] 8080/tcp http-proxy opened on 192.0.2.1");
        assertThat(t.heldBack().counts()).containsEntry(HeldBack.Reason.RULE, 3);
    }

    @Test
    void anExpectedOpenPortIsNoFindingUntilItsDayIsPastAndItsClosingIs() {
        Rule expected = Rule.expect(LocalDate.of(2026, 11, 30)).host("192.0.2.0/24").port("3389/tcp").reason("jump host").build();
        Rules rules = Rules.of(List.of(expected));
        assertThat(opened(rules, "192.0.2.1 22/tcp:open:ssh 3389/tcp:open:ms-wbt-server").findings()).isEmpty();

        NetworkMemory memory = NetworkMemory.inMemory();
        memory.absorbAndCommit("s1", Nights.indexed(scan(1, "192.0.2.1 3389/tcp:open:ms-wbt-server")), Nights.night(1), Nights.SCOPE,
                NoisePolicy.defaults());
        Absorbed quiet = memory.absorb("s2", Nights.indexed(scan(2, "192.0.2.1 3389/tcp:open:ms-wbt-server")), Nights.night(2),
                Nights.SCOPE, NoisePolicy.defaults());
        assertThat(rules.apply(quiet, memory, LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 29)).findings()).isEmpty();
        assertThat(rules.apply(quiet, memory, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 30)).findings())
                .extracting(Finding::toString)
                .containsExactly("[high] 3389/tcp ms-wbt-server still open on 192.0.2.1, accepted until 2026-11-30");
        assertThat(rules.apply(quiet, memory, LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 1)).findings())
                .as("reminded once").isEmpty();
        assertThat(opened(Rules.of(List.of(Rule.expect(LocalDate.of(2026, 11, 1)).host("192.0.2.1").port("3389").build())),
                "192.0.2.1 22/tcp:open:ssh 3389/tcp:open:ms-wbt-server").findings()).as("past its day").hasSize(1);
    }

    @Test
    void severityRulesOverrideTheBuiltInTable() {
        Rules rules = Rules.of(List.of(Rule.severity(Severity.CRITICAL).host("2001:db8::/32").port("22/tcp").build(),
                Rule.severity(Severity.LOW).service("http-proxy").build()));

        Triage t = opened(rules, "192.0.2.1 22/tcp:open:ssh 8080/tcp:open:http-proxy", "2001:db8::9 22/tcp:open:ssh");

        assertThat(t.findings()).extracting(Finding::toString).containsExactly("[critical] 22/tcp ssh opened on 2001:db8::9",
                "[medium] new host: 2001:db8::9", "[low] 8080/tcp http-proxy opened on 192.0.2.1");
    }

    @Test
    void aRuleSaysWhatIsWrongWithIt() {
        assertThatThrownBy(() -> Rule.ignore().host("192.0.2.0/33")).hasMessageContaining("0 to 32");
        assertThatThrownBy(() -> Rule.ignore().host("bad host!")).hasMessageContaining("is not an address, a CIDR range");
        assertThatThrownBy(() -> Rule.ignore().port("22/tpc")).hasMessageContaining("is not a port like 22/tcp");
        assertThatThrownBy(() -> Rule.ignore().kind("port-open")).hasMessageContaining("new-port");
        assertThatThrownBy(() -> Rule.expect(null).host("192.0.2.1").build()).hasMessageContaining("needs a port");
        assertThatThrownBy(() -> Rule.ignore().reason("everything").build()).hasMessageContaining("would hide every finding");
    }
}
