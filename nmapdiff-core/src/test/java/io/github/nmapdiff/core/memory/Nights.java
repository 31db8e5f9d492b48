package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.Address;
import io.github.nmapdiff.core.model.AddressType;
import io.github.nmapdiff.core.model.ExtraPorts;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.HostName;
import io.github.nmapdiff.core.model.HostNameType;
import io.github.nmapdiff.core.model.HostState;
import io.github.nmapdiff.core.model.HostStatus;
import io.github.nmapdiff.core.model.OsDetection;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.PortState;
import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.model.ExitStatus;
import io.github.nmapdiff.core.model.RunStats;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.xml.NmapXmlWriter;
import java.math.BigDecimal;
import io.github.nmapdiff.core.model.ScriptResult;
import io.github.nmapdiff.core.model.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Nights of {@code -Pn} scans written down in a line per host, for the memory's tests:
 * {@code "192.0.2.10 db3.example.com 22/tcp:open:ssh:OpenSSH 9.2 5432/tcp:open:postgresql"};
 * a host with no open or closed port is "up" as -Pn makes it, with everything filtered. A
 * port may carry one script: {@code 443/tcp:open:https:nginx:ssl-date=2026-11-01T02:00:00}; see
 * {@link #service} for how a service is written. An address may carry the MAC nmap saw:
 * {@code 192.0.2.5@02:00:5e:00:53:01}.
 */
final class Nights {
    static final Instant NIGHT_1 = Instant.parse("2026-11-01T02:00:00Z");

    private Nights() {
    }

    static Instant night(int n) {
        return NIGHT_1.plus(Duration.ofDays(n - 1));
    }

    static Scan scan(int night, boolean complete, String... hosts) {
        List<Host> list = new ArrayList<>();
        for (String spec : hosts) {
            list.add(host(spec));
        }
        RunStats stats = complete ? new RunStats(night(night).plusSeconds(60), null, new BigDecimal("60.00"), null, ExitStatus.SUCCESS,
                null, list.size(), 0, list.size()) : null;
        return new Scan("nmap", "nmap -Pn -sV", "7.93", "1.05", night(night), null, List.of(), 0, 0, List.of(), list, List.of(),
                stats, complete);
    }

    /** What the scope of these nights is. */
    static final Scope SCOPE = Scope.of(List.of("192.0.2.0/24", "2001:db8::/32"), List.of("-Pn", "-sV"));

    /**
     * The scan as nmap's XML, read by the pass over its bytes as the nightly job reads a scan:
     * hosts with digests, skipped when the memory absorbed them the same. An incomplete scan is
     * cut before its end, as nmap leaves it.
     */
    static ScanSource indexed(Scan scan) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new NmapXmlWriter().write(scan, out);
        byte[] bytes = out.toByteArray();
        if (!scan.complete()) {
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            bytes = text.substring(0, text.lastIndexOf("</nmaprun>")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return ScanSource.of(bytes, "night");
    }

    /** The scan as it is: no digests, every host absorbed in full. */
    static ScanSource parsed(Scan scan) {
        return ScanSource.of(scan);
    }

    static Scan scan(int night, String... hosts) {
        return scan(night, true, hosts);
    }

    /**
     * A service: {@code ssh}, probed with confidence 10; {@code http~table} guessed from the port
     * number; {@code http~7} probed with confidence 7. The product may name its version after an
     * {@code @}: {@code OpenSSH@9.2p1 Debian 2+deb12u3}.
     */
    private static Service service(String spec, String product) {
        String[] name = spec.split("~", 2);
        String method = name.length > 1 && name[1].equals("table") ? "table" : "probed";
        int conf = name.length > 1 ? method.equals("table") ? 3 : Integer.parseInt(name[1]) : 10;
        String version = null;
        if (product != null && product.contains("@")) {
            version = product.substring(product.indexOf('@') + 1);
            product = product.substring(0, product.indexOf('@'));
        }
        return new Service(name[0], product, version, null, null, null, null, null, null, null, null, null, null, method, conf, List.of());
    }

    private static List<Address> addresses(String address, String mac) {
        Address ip = new Address(address, address.contains(":") ? AddressType.IPV6 : AddressType.IPV4, null);
        return mac == null ? List.of(ip) : List.of(ip, new Address(mac, AddressType.MAC, "Example"));
    }

    static Host host(String spec) {
        String[] parts = spec.trim().split(" ");
        String address = parts[0];
        String mac = null;
        if (address.contains("@")) { // 192.0.2.5@02:00:5e:00:53:01: an address and the MAC nmap saw
            mac = address.substring(address.indexOf('@') + 1);
            address = address.substring(0, address.indexOf('@'));
        }
        int i = 1;
        List<HostName> names = new ArrayList<>();
        if (parts.length > 1 && !parts[1].contains("/")) {
            if (!parts[1].equals("-")) {
                names.add(new HostName(parts[1], HostNameType.PTR));
            }
            i = 2;
        }
        List<Port> ports = new ArrayList<>();
        for (; i < parts.length; i++) {
            String[] p = parts[i].split(":", 5);
            String[] number = p[0].split("/");
            Service service = p.length > 2 ? service(p[2], p.length > 3 && !p[3].isEmpty() ? p[3].replace('_', ' ') : null) : null;
            List<ScriptResult> scripts = new ArrayList<>();
            if (p.length > 4) {
                String[] script = p[4].split("=", 2);
                scripts.add(new ScriptResult(script[0], script[1].replace('_', ' '), List.of()));
            }
            ports.add(new Port(Protocol.fromNmap(number[1]), Integer.parseInt(number[0]), PortState.fromNmap(p[1]), "syn-ack", 64,
                    null, null, service, scripts));
        }
        return new Host(new HostStatus(HostState.UP, "user-set", 0),
                addresses(address, mac), names,
                List.of(new ExtraPorts(PortState.FILTERED, 1000 - ports.size(), List.of())), ports, List.of(), OsDetection.empty(),
                null, null, null, null, null, false, null);
    }
}
