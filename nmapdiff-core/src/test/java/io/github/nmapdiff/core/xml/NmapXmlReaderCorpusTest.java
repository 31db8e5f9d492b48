package io.github.nmapdiff.core.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.model.AddressType;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.HostNameType;
import io.github.nmapdiff.core.model.HostState;
import io.github.nmapdiff.core.model.PortState;
import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Service;
import io.github.nmapdiff.core.testing.Corpus;
import io.github.nmapdiff.core.testing.Recorded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NmapXmlReaderCorpusTest {
    private final NmapXmlReader reader = new NmapXmlReader();

    @Test
    void everyCorpusFileParsesWithAsManyHostsAndPortsAsItHasElements() throws IOException {
        for (Path file : Corpus.files()) {
            String xml = Files.readString(file);
            Scan scan = reader.read(file);

            assertThat(scan.hosts()).as(file.getFileName() + " hosts").hasSize(count(xml, "<host[ >]"));
            assertThat(scan.hosts().stream().mapToInt(h -> h.ports().size()).sum())
                    .as(file.getFileName() + " ports").isEqualTo(count(xml, "<port "));
            assertThat(scan.hosts().stream().mapToInt(h -> h.extraPorts().size()).sum())
                    .as(file.getFileName() + " extraports").isEqualTo(count(xml, "<extraports "));
            assertThat(scan.complete()).as(file.getFileName() + " complete").isTrue();
        }
    }

    @Test
    void stringsThatHostsRepeatAreKeptOnce() {
        Scan scan = reader.read(Recorded.scan("b"));
        Map<String, Service> first = new HashMap<>();
        int shared = 0;
        for (Host host : scan.hosts()) {
            for (Port port : host.ports()) {
                Service service = port.service();
                if (service == null) {
                    continue;
                }
                Service seen = first.putIfAbsent(service.name(), service);
                if (seen != null) {
                    assertThat(service.name()).isSameAs(seen.name());
                    shared++;
                }
            }
        }
        assertThat(shared).as("services that repeat a name in b.xml (two web servers)").isPositive();
    }

    @Test
    void complexScanHasServicesScriptsAndOs() {
        Scan scan = reader.read(Corpus.file("complex.xml"));

        assertThat(scan.nmapVersion()).isEqualTo("4.90RC2");
        assertThat(scan.xmlOutputVersion()).isEqualTo("1.03");
        assertThat(scan.start()).isEqualTo(Instant.ofEpochSecond(1247269633));
        assertThat(scan.args()).contains("--script=default,whois");
        assertThat(scan.scanInfos()).extracting(i -> i.protocol()).containsExactly(Protocol.TCP, Protocol.UDP);
        assertThat(scan.runStats().hostsUp()).isEqualTo(1);
        assertThat(scan.runStats().elapsedSeconds()).hasToString("122.97");

        Host host = scan.hosts().get(0);
        assertThat(host.status().state()).isEqualTo(HostState.UP);
        assertThat(host.address(AddressType.IPV4)).get().extracting(a -> a.address()).isEqualTo("64.13.134.52");
        assertThat(host.hostNames()).singleElement().satisfies(n -> {
            assertThat(n.name()).isEqualTo("scanme.nmap.org");
            assertThat(n.type()).isEqualTo(HostNameType.PTR);
        });
        assertThat(host.extraPorts()).extracting(e -> e.state()).containsExactly(PortState.OPEN_FILTERED, PortState.FILTERED);
        assertThat(host.port(Protocol.TCP, 22)).get().satisfies(p -> {
            assertThat(p.state()).isEqualTo(PortState.OPEN);
            assertThat(p.reasonTtl()).isEqualTo(52);
            assertThat(p.service().product()).isEqualTo("OpenSSH");
            assertThat(p.service().version()).isEqualTo("4.3");
            assertThat(p.service().extraInfo()).isEqualTo("protocol 2.0");
            assertThat(p.scripts()).singleElement().satisfies(s -> {
                assertThat(s.id()).isEqualTo("ssh-hostkey");
                assertThat(s.output()).contains("(DSA)\n2048");
            });
        });
        assertThat(host.port(Protocol.UDP, 53)).get().extracting(p -> p.service().name()).isEqualTo("domain");
        assertThat(host.os().matches()).singleElement().extracting(m -> m.name()).isEqualTo("Linux 2.6.9 - 2.6.24");
        assertThat(host.os().classes()).singleElement().extracting(c -> c.osGeneration()).isEqualTo("2.6.X");
        assertThat(host.os().portsUsed()).hasSize(2);
        assertThat(host.uptime().seconds()).isEqualTo(687785);
        assertThat(host.scripts()).singleElement().extracting(s -> s.id()).isEqualTo("whois");
    }

    @Test
    void recordedScanHasVersionsScriptTablesOsAndUdp() {
        Scan scan = reader.read(Recorded.scan("a"));

        assertThat(scan.nmapVersion()).isEqualTo("7.93");
        Host host = scan.hosts().get(0);
        assertThat(host.port(Protocol.TCP, 47022)).get().satisfies(p -> {
            assertThat(p.service().product()).isEqualTo("OpenSSH");
            assertThat(p.service().version()).isEqualTo("9.2p1 Debian 2+deb12u2");
        });
        assertThat(host.port(Protocol.TCP, 47465)).get().satisfies(p -> assertThat(p.scripts()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("ssl-cert");
            assertThat(s.elements()).as("ssl-cert's tables").isNotEmpty();
        }));
        assertThat(host.port(Protocol.UDP, 47053)).get().extracting(p -> p.state()).isEqualTo(PortState.OPEN);
        assertThat(host.os().matches()).isNotEmpty();
        assertThat(reader.read(Recorded.scan("a6")).hosts().get(0).address(AddressType.IPV6))
                .get().extracting(a -> a.address()).isEqualTo("::1");
    }

    @Test
    void scanWithNoHostsParses() {
        Scan empty = reader.read(Recorded.folder().resolve("empty.xml"));

        assertThat(empty.hosts()).isEmpty();
        assertThat(empty.complete()).isTrue();
    }

    @Test
    void scanWhoseOnlyTargetWasDownParses() {
        Scan down = reader.read(Corpus.file("down.xml"));

        assertThat(down.hosts()).isEmpty();
        assertThat(down.runStats().hostsDown()).isEqualTo(1);
    }

    @Test
    void streamingHandsOverTheSameHostsAsReadingWhole() {
        for (Path file : Corpus.files()) {
            streamsAsWhole(file);
        }
    }

    private void streamsAsWhole(Path file) {
        Scan whole = reader.read(file);

        try (ScanStream stream = reader.open(file)) {
            assertThat(stream.scan().nmapVersion()).isEqualTo(whole.nmapVersion());
            int i = 0;
            while (stream.hasNext()) {
                assertThat(stream.next()).isEqualTo(whole.hosts().get(i++));
            }
            assertThat(i).isEqualTo(whole.hosts().size());
            assertThat(stream.scan().runStats()).isEqualTo(whole.runStats());
            assertThat(stream.scan().complete()).isTrue();
        }
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
