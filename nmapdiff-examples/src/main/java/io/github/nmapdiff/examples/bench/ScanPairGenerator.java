package io.github.nmapdiff.examples.bench;

import io.github.nmapdiff.core.model.Address;
import io.github.nmapdiff.core.model.AddressType;
import io.github.nmapdiff.core.model.ExitStatus;
import io.github.nmapdiff.core.model.ExtraPorts;
import io.github.nmapdiff.core.model.ExtraReasons;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.HostName;
import io.github.nmapdiff.core.model.HostNameType;
import io.github.nmapdiff.core.model.HostState;
import io.github.nmapdiff.core.model.HostStatus;
import io.github.nmapdiff.core.model.OsDetection;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.PortState;
import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.model.RunStats;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.ScanInfo;
import io.github.nmapdiff.core.model.Service;
import io.github.nmapdiff.core.xml.NmapXmlWriter;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a realistic pair of nmap scans of N hosts, a day apart: each host with 1 to 4 open
 * ports with service versions and CPEs and a closed extraports summary, 70% with a PTR name,
 * and nmap's round-trip times, which differ in every scan; in the second scan about 1% of the
 * hosts changed (ports opened and closed, versions bumped, hosts removed and added, names
 * changed). Addresses are in 127.0.0.0/8; nothing is scanned.
 */
public final class ScanPairGenerator {
    private record Product(int port, String service, String product, String version, String extra, String cpe) {
    }

    private static final List<Product> PRODUCTS = List.of(
            new Product(22, "ssh", "OpenSSH", "9.2p1 Debian 2+deb12u3", "protocol 2.0", "cpe:/a:openbsd:openssh:9.2p1"),
            new Product(25, "smtp", "Postfix smtpd", null, null, "cpe:/a:postfix:postfix"),
            new Product(53, "domain", "ISC BIND", "9.18.24", null, "cpe:/a:isc:bind:9.18.24"),
            new Product(80, "http", "nginx", "1.22.1", null, "cpe:/a:igor_sysoev:nginx:1.22.1"),
            new Product(110, "pop3", "Dovecot pop3d", null, null, "cpe:/a:dovecot:dovecot"),
            new Product(143, "imap", "Dovecot imapd", null, null, "cpe:/a:dovecot:dovecot"),
            new Product(443, "http", "Apache httpd", "2.4.57", "(Debian)", "cpe:/a:apache:http_server:2.4.57"),
            new Product(445, "microsoft-ds", "Samba smbd", "4.6.2", null, "cpe:/a:samba:samba"),
            new Product(3306, "mysql", "MySQL", "8.0.35", null, "cpe:/a:mysql:mysql:8.0.35"),
            new Product(3389, "ms-wbt-server", "Microsoft Terminal Services", null, null, "cpe:/o:microsoft:windows"),
            new Product(5432, "postgresql", "PostgreSQL DB", "15.5 - 15.6", null, "cpe:/a:postgresql:postgresql:15"),
            new Product(8080, "http", "Apache Tomcat", "10.1.16", null, "cpe:/a:apache:tomcat:10.1.16"));

    private ScanPairGenerator() {
    }

    /** Writes {@code before.xml} and {@code after.xml} of {@code hosts} hosts into {@code folder}. */
    public static void write(Path folder, int hosts, long seed) throws IOException {
        Files.createDirectories(folder);
        Instant day1 = Instant.parse("2026-11-01T02:00:00Z");
        Instant day2 = day1.plusSeconds(86_400);
        try (OutputStream a = new WithTimes(new BufferedOutputStream(Files.newOutputStream(folder.resolve("before.xml")), 1 << 16),
                        new Random(seed + 1));
                OutputStream b = new WithTimes(new BufferedOutputStream(Files.newOutputStream(folder.resolve("after.xml")), 1 << 16),
                        new Random(seed + 2))) {
            NmapXmlWriter writer = new NmapXmlWriter();
            NmapXmlWriter.HostWriter before = writer.open(header(day1, hosts), a);
            NmapXmlWriter.HostWriter after = writer.open(header(day2, hosts), b);
            Random random = new Random(seed);
            for (int i = 0; i < hosts; i++) {
                Host host = host(i, random, day1);
                before.host(host);
                int roll = random.nextInt(1000);
                if (roll < 2) {
                    continue; // removed
                }
                after.host(roll < 10 ? changed(host, roll, random) : moved(host, day2));
                if (roll >= 10 && roll < 12) {
                    after.host(host(hosts + i, random, day2)); // added
                }
            }
            before.finish(header(day1, hosts));
            after.finish(header(day2, hosts));
        }
    }

    /**
     * Puts a {@code times} element before each {@code </host>}, as nmap writes one for every
     * host it scans, with round-trip times of its own: the scan model does not keep them.
     */
    private static final class WithTimes extends FilterOutputStream {
        private static final byte[] END = "</host>".getBytes(StandardCharsets.US_ASCII);

        private final Random random;
        private int matched; // how many bytes of END were seen and held back

        WithTimes(OutputStream out, Random random) {
            super(out);
            this.random = random;
        }

        @Override
        public void write(int b) throws IOException {
            if (b == END[matched]) {
                if (++matched == END.length) {
                    int srtt = 20 + random.nextInt(900);
                    int rttvar = 5 + random.nextInt(300);
                    out.write(String.format(Locale.ROOT, "<times srtt=\"%d\" rttvar=\"%d\" to=\"%d\"/>%n", srtt, rttvar,
                            Math.max(100_000, srtt + 4 * rttvar)).getBytes(StandardCharsets.US_ASCII));
                    out.write(END);
                    matched = 0;
                }
                return;
            }
            out.write(END, 0, matched);
            matched = b == END[0] ? 1 : 0;
            if (matched == 0) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }
    }

    private static Scan header(Instant start, int hosts) {
        return new Scan("nmap", "nmap -v -sV --top-ports 1000 -T4 -Pn -R -oX scan.xml 127.0.0.0/8", "7.93", "1.05", start,
                null, List.of(new ScanInfo("syn", Protocol.TCP, 1000, "1-1000", null)), 1, 0, List.of(), List.of(), List.of(),
                new RunStats(start.plusSeconds(3600), null, new BigDecimal("3600.00"), null, ExitStatus.SUCCESS, null, hosts, 0, hosts),
                true);
    }

    private static Host host(int i, Random random, Instant start) {
        int n = i + 1;
        String address = "127." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
        List<HostName> names = random.nextInt(10) < 7 ? List.of(new HostName("host-" + n + ".example.test", HostNameType.PTR)) : List.of();
        int count = 1 + random.nextInt(4);
        List<Port> ports = new ArrayList<>();
        boolean[] used = new boolean[PRODUCTS.size()];
        for (int k = 0; k < count; k++) {
            int p;
            do {
                p = random.nextInt(PRODUCTS.size());
            } while (used[p]);
            used[p] = true;
            ports.add(port(PRODUCTS.get(p), PRODUCTS.get(p).version()));
        }
        ports.sort((x, y) -> Integer.compare(x.number(), y.number()));
        return new Host(new HostStatus(HostState.UP, "syn-ack", 64), List.of(new Address(address, AddressType.IPV4, null)), names,
                List.of(new ExtraPorts(PortState.CLOSED, 1000 - count, List.of(new ExtraReasons("conn-refused", 1000 - count, null, null)))),
                ports, List.of(), OsDetection.empty(), null, null, null, start, start.plusSeconds(30), false, null);
    }

    private static Port port(Product p, String version) {
        return new Port(Protocol.TCP, p.port(), PortState.OPEN, "syn-ack", 64, null, null,
                new Service(p.service(), p.product(), version, p.extra(), null, null, null, null, null, null, null, null, null,
                        "probed", 10, List.of(p.cpe())),
                List.of());
    }

    /** The same host on day 2: nothing changed but the times. */
    private static Host moved(Host h, Instant day2) {
        return new Host(h.status(), h.addresses(), h.hostNames(), h.extraPorts(), h.ports(), h.scripts(), h.os(), h.uptime(),
                h.distance(), h.trace(), day2, day2.plusSeconds(30), false, null);
    }

    private static Host changed(Host h, int roll, Random random) {
        List<Port> ports = new ArrayList<>(h.ports());
        List<HostName> names = h.hostNames();
        switch (roll % 4) {
            case 0 -> { // a port opened
                Product extra = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
                if (ports.stream().noneMatch(p -> p.number() == extra.port())) {
                    ports.add(port(extra, extra.version()));
                    ports.sort((x, y) -> Integer.compare(x.number(), y.number()));
                }
            }
            case 1 -> { // a port closed
                if (ports.size() > 1) {
                    ports.remove(random.nextInt(ports.size()));
                }
            }
            case 2 -> { // a version bumped
                Port p = ports.get(0);
                Service s = p.service();
                ports.set(0, new Port(p.protocol(), p.number(), p.state(), p.reason(), p.reasonTtl(), null, null,
                        new Service(s.name(), s.product(), (s.version() == null ? "1.0" : s.version()) + ".1", s.extraInfo(), null, null,
                                null, null, null, null, null, null, null, "probed", 10, s.cpes()),
                        List.of()));
            }
            default -> names = List.of(new HostName("renamed-" + h.addresses().get(0).address().replace('.', '-') + ".example.test",
                    HostNameType.PTR));
        }
        int open = ports.size();
        return new Host(h.status(), h.addresses(), names,
                List.of(new ExtraPorts(PortState.CLOSED, 1000 - open, List.of(new ExtraReasons("conn-refused", 1000 - open, null, null)))),
                ports, h.scripts(), h.os(), null, null, null, h.startTime().plusSeconds(86_400), h.endTime().plusSeconds(86_400),
                false, null);
    }
}
