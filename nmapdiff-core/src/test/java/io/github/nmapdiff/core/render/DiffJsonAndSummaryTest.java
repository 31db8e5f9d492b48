package io.github.nmapdiff.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.model.PortKey;
import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.memory.NetworkMemory;
import io.github.nmapdiff.core.memory.NoisePolicy;
import io.github.nmapdiff.core.memory.ScanSource;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.model.Triage;
import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.testing.Recorded;
import io.github.nmapdiff.core.testing.LocalhostScan;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffJsonAndSummaryTest {
    private static final String HTTP = """
            <port protocol="tcp" portid="8080"><state state="open" reason="syn-ack" reason_ttl="64"/>
            <service name="http" product="nginx" version="1.22.1" method="probed" conf="10"/></port>
            """;
    private static final String HOST_2 = """
            <host><status state="up" reason="user-set" reason_ttl="0"/><address addr="127.0.0.2" addrtype="ipv4"/><hostnames/></host>
            """;

    private static Scan scan(long start, int closed, String sshVersion, String morePorts, String moreHosts) {
        String xml = LocalhostScan.startingAt(start).closedExtraPorts(closed).ssh(sshVersion, null).morePorts(morePorts)
                .moreHosts(moreHosts).xml();
        return new NmapXmlReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "scan.xml");
    }

    private final ScanDiff diff = ScanDiff.between(
            scan(1_700_000_000, 998, "9.2p1", "", HOST_2),
            scan(1_700_086_400, 997, "9.3p1", HTTP, ""));

    @Test
    void changesAreTypedAndInOrder() {
        assertThat(diff.changes()).extracting(Change::kind).containsExactly(
                Change.Kind.SERVICE_CHANGED, Change.Kind.PORT_OPENED, Change.Kind.HOST_REMOVED);
        assertThat(diff.changes().get(1)).isInstanceOfSatisfying(Change.PortOpened.class, opened -> {
            assertThat(opened.port()).isEqualTo(new PortKey(8080, Protocol.TCP));
            assertThat(opened.before()).isNull();
            assertThat(opened.service().product()).isEqualTo("nginx");
            assertThat(opened.host().name()).isEqualTo("localhost (127.0.0.1)");
        });
        assertThat(diff.changes().get(0)).isInstanceOfSatisfying(Change.ServiceChanged.class, changed -> {
            assertThat(changed.before().version()).isEqualTo("9.2p1");
            assertThat(changed.after().version()).isEqualTo("9.3p1");
        });
    }

    @Test
    void aChangeOfTheUnlistedPortsAloneIsListed() {
        ScanDiff extraOnly = ScanDiff.between(scan(1_700_000_000, 998, "9.2p1", "", ""), scan(1_700_086_400, 990, "9.2p1", "", ""));

        assertThat(extraOnly.changes()).singleElement().isInstanceOfSatisfying(Change.ExtraPortsChanged.class, c -> {
            assertThat(c.before()).isEqualTo("998 closed ports");
            assertThat(c.after()).isEqualTo("990 closed ports");
        });
        assertThat(DiffSummary.of(extraOnly)).isEqualTo("1 host changed: 1 unlisted port count changed");
    }

    @Test
    void summaryCountsHostsAndKindsOfChange() {
        assertThat(DiffSummary.of(diff)).isEqualTo(
                "2 hosts changed: 1 host removed, 1 port opened, 1 service version changed");
        assertThat(DiffSummary.of(ScanDiff.between(diff.before(), diff.before()))).isEqualTo("no changes");
    }

    @Test
    void everyChangeHasASeverityAndARunsDocumentHasItsFindingsWithTheirLifecycle() throws Exception {
        JsonNode plain = new ObjectMapper().readTree(DiffJson.render(diff));
        assertThat(plain.get("changes")).extracting(c -> c.get("kind").asText() + " " + c.get("severity").asText())
                .containsExactly("service-changed low", "port-opened medium", "host-removed medium");
        assertThat(plain.has("findings")).isFalse();

        NetworkMemory memory = NetworkMemory.inMemory();
        Scope scope = Scope.of(List.of("127.0.0.1"), List.of());
        memory.absorbAndCommit("a", ScanSource.of(diff.before()), diff.before().start(), scope, NoisePolicy.defaults());
        Triage triage = memory.absorbAndCommit("b", ScanSource.of(diff.after()), diff.after().start(), scope, NoisePolicy.defaults());
        JsonNode run = new ObjectMapper().readTree(DiffJson.render(diff, triage));

        assertThat(run.get("version").asInt()).as("additive within version 1").isEqualTo(1);
        JsonNode opened = run.get("findings").get(1);
        assertThat(opened.get("severity").asText()).isEqualTo("medium");
        assertThat(opened.get("kind").asText()).isEqualTo("new-port");
        assertThat(opened.get("port").asInt()).isEqualTo(8080);
        assertThat(opened.get("firstSeen").asText()).isEqualTo(diff.after().start().toString());
        assertThat(run.get("findings")).extracting(f -> f.get("severity").asText() + " " + f.get("kind").asText())
                .containsExactly("medium version-changed", "medium new-port");
        assertThat(run.get("heldBack").isObject()).isTrue();
    }

    @Test
    void jsonFollowsTheDocumentedSchema() throws Exception {
        JsonNode json = new ObjectMapper().readTree(DiffJson.render(diff));

        assertThat(json.get("format").asText()).isEqualTo("nmapdiff-diff");
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("before").get("nmapVersion").asText()).isEqualTo("7.93");
        assertThat(json.get("before").get("start").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(json.get("before").get("complete").asBoolean()).isTrue();
        assertThat(json.get("after").get("hosts").asInt()).isEqualTo(1);
        assertThat(json.get("summary").asText()).isEqualTo(DiffSummary.of(diff));
        assertThat(json.get("ndiffCost").asInt()).isEqualTo(diff.cost(false));
        JsonNode opened = json.get("changes").get(1);
        assertThat(opened.get("kind").asText()).isEqualTo("port-opened");
        assertThat(opened.get("host").get("addresses").get(0).asText()).isEqualTo("127.0.0.1");
        assertThat(opened.get("host").get("hostNames").get(0).asText()).isEqualTo("localhost");
        assertThat(opened.get("port").asInt()).isEqualTo(8080);
        assertThat(opened.get("protocol").asText()).isEqualTo("tcp");
        assertThat(opened.get("before").isNull()).isTrue();
        assertThat(opened.get("service").get("version").asText()).isEqualTo("1.22.1");
        JsonNode service = json.get("changes").get(0);
        assertThat(service.get("before").get("version").asText()).isEqualTo("9.2p1");
        assertThat(service.get("after").get("version").asText()).isEqualTo("9.3p1");
        assertThat(json.get("changes").get(2).get("state").asText()).isEqualTo("up");
    }

    @Test
    void jsonOfRecordedPairsListsEveryChange() throws Exception {
        NmapXmlReader reader = new NmapXmlReader();
        ScanDiff nights = ScanDiff.between(reader.read(Recorded.scan("a")), reader.read(Recorded.scan("b")));
        ScanDiff families = ScanDiff.between(reader.read(Recorded.scan("a6")), reader.read(Recorded.scan("b")));

        for (ScanDiff diff : List.of(nights, families)) {
            JsonNode json = new ObjectMapper().readTree(DiffJson.render(diff));
            assertThat(json.get("changes")).hasSize(diff.changes().size());
        }
        assertThat(nights.changes()).anyMatch(c -> c instanceof Change.ServiceChanged)
                .anyMatch(c -> c instanceof Change.PortOpened)
                .anyMatch(c -> c instanceof Change.PortClosed)
                .anyMatch(c -> c instanceof Change.ScriptChanged)
                .anyMatch(c -> c instanceof Change.OsChanged);
        assertThat(families.changes()).anyMatch(c -> c instanceof Change.HostAdded).anyMatch(c -> c instanceof Change.HostRemoved);
    }

    @Test
    void everyKindOfChangeHasItsStableJsonNameAndItsLabels() {
        assertThat(java.util.Arrays.stream(Change.Kind.values()).map(Change.Kind::id)).containsExactly("host-added",
                "host-removed", "host-state-changed", "host-identity-changed", "port-opened", "port-closed", "port-state-changed",
                "service-changed", "extraports-changed", "os-changed", "script-changed");
        assertThat(Change.Kind.PORT_OPENED.label(1)).isEqualTo("port opened");
        assertThat(Change.Kind.PORT_OPENED.label(2)).isEqualTo("ports opened");
    }

    @Test
    void theChangesOfADiffAreDerivedOnce() {
        assertThat(diff.changes()).isSameAs(diff.changes());
    }
}
