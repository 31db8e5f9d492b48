package io.github.nmapdiff.core.testing;

import io.github.nmapdiff.core.model.Address;
import io.github.nmapdiff.core.model.AddressType;
import io.github.nmapdiff.core.model.ExitStatus;
import io.github.nmapdiff.core.model.ExtraPorts;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.HostName;
import io.github.nmapdiff.core.model.HostNameType;
import io.github.nmapdiff.core.model.HostState;
import io.github.nmapdiff.core.model.HostStatus;
import io.github.nmapdiff.core.model.OsDetection;
import io.github.nmapdiff.core.model.OsMatch;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.PortState;
import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.model.RunStats;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.ScriptResult;
import io.github.nmapdiff.core.model.Service;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Pairs of scans for comparing diffs: values drawn from small pools so that hosts, ports and
 * scripts often match across the two scans, and the second scan either independent of the
 * first or the first with a few edits. Every host has an address, and every port and host at
 * most one script result, which ndiff 7.9x needs in order not to crash.
 */
public final class ScanPairs {
    private static final List<String> ADDRESSES = List.of("127.0.0.1", "127.0.0.2", "127.0.0.10", "127.1.2.3", "::1", "fe80::1");
    private static final List<String> NAMES = List.of("localhost", "alpha.test", "beta.test", "zz.test", "ünï.test");
    private static final List<String> PRODUCTS = List.of("OpenSSH", "Postfix smtpd", "nginx", "Apache httpd");
    private static final List<String> VERSIONS = List.of("8.9p1", "9.2p1", "1.22.1", "2.4.57");
    private static final List<String> OS = List.of("Linux 5.0 - 5.14", "Linux 4.15", "FreeBSD 13.0", "Windows 11", "OpenBSD 7.2");
    private static final List<String> SCRIPT_IDS = List.of("banner", "http-title", "ssh-hostkey");
    private static final List<String> OUTPUTS = List.of("", "one line", "two\nlines", "two\nlines changed", "a\nb\nc\nd",
            "a\nb\nX\nd", "<b>&amp;\"q\"</b>", "tab\there\r\nwindows");

    private ScanPairs() {
    }

    /** A pair of scans. */
    public record Pair(Scan before, Scan after) {
    }

    /** Pairs whose second scan is, half the time, the first with a few edits. */
    public static Gen<Pair> pairs() {
        Gen<Boolean> coin = Generate.booleans();
        return in -> {
            Scan before = scan(in);
            Scan after = coin.generate(in) ? scan(in) : edited(before, in);
            return new Pair(before, after);
        };
    }

    private static <T> T pick(List<T> list, RandomnessSource in) {
        return list.get(Generate.range(0, list.size() - 1).generate(in));
    }

    private static int between(int low, int high, RandomnessSource in) {
        return Generate.range(low, high).generate(in);
    }

    private static boolean chance(int percent, RandomnessSource in) {
        return between(1, 100, in) <= percent;
    }

    static Scan scan(RandomnessSource in) {
        List<Host> hosts = new ArrayList<>();
        int n = between(0, 4, in);
        for (int i = 0; i < n; i++) {
            hosts.add(host(in));
        }
        long start = 1_700_000_000L + between(0, 1_000_000, in);
        return new Scan("nmap", chance(80, in) ? "nmap -sV 127.0.0.1" : "nmap -sV -p- 127.0.0.0/29", pick(List.of("7.93", "7.94"), in),
                "1.05", Instant.ofEpochSecond(start), null, List.of(), 0, 0, scripts(in, 30), hosts, scripts(in, 30),
                new RunStats(Instant.ofEpochSecond(start + 30), null, new BigDecimal("30.00"), null, ExitStatus.SUCCESS, null,
                        n, 0, n),
                true);
    }

    private static List<ScriptResult> scripts(RandomnessSource in, int percent) {
        return chance(percent, in) ? List.of(new ScriptResult(pick(SCRIPT_IDS, in), pick(OUTPUTS, in), List.of())) : List.of();
    }

    private static Host host(RandomnessSource in) {
        List<Address> addresses = new ArrayList<>();
        String first = pick(ADDRESSES, in);
        addresses.add(new Address(first, first.contains(":") ? AddressType.IPV6 : AddressType.IPV4, null));
        if (chance(20, in)) {
            addresses.add(new Address("00:11:22:33:44:5" + between(0, 9, in), AddressType.MAC, "Acme"));
        }
        List<HostName> names = new ArrayList<>();
        for (int i = between(0, 2, in); i > 0; i--) {
            names.add(new HostName(pick(NAMES, in), chance(50, in) ? HostNameType.USER : HostNameType.PTR));
        }
        Map<PortState, ExtraPorts> extra = new LinkedHashMap<>();
        for (int i = between(0, 2, in); i > 0; i--) {
            PortState state = pick(List.of(PortState.CLOSED, PortState.FILTERED, PortState.OPEN_FILTERED), in);
            extra.put(state, new ExtraPorts(state, between(1, 1000, in), List.of()));
        }
        List<Port> ports = new ArrayList<>();
        for (int i = between(0, 4, in); i > 0; i--) {
            ports.add(port(in));
        }
        List<OsMatch> os = new ArrayList<>();
        for (int i = between(0, 3, in); i > 0; i--) {
            os.add(new OsMatch(pick(OS, in), between(80, 100, in), null, List.of()));
        }
        return new Host(new HostStatus(pick(List.of(HostState.UP, HostState.UP, HostState.DOWN), in), "user-set", null),
                addresses, names, List.copyOf(extra.values()), ports, scripts(in, 20),
                new OsDetection(List.of(), os, List.of(), List.of()), null, null, null, null, null, false, null);
    }

    private static Port port(RandomnessSource in) {
        return new Port(chance(80, in) ? Protocol.TCP : Protocol.UDP, pick(List.of(22, 25, 80, 443, 8080), in),
                pick(List.of(PortState.OPEN, PortState.OPEN, PortState.CLOSED, PortState.FILTERED), in), "syn-ack", null, null,
                null, service(in), scripts(in, 30));
    }

    private static Service service(RandomnessSource in) {
        if (chance(15, in)) {
            return null;
        }
        return new Service(pick(List.of("ssh", "smtp", "http"), in), chance(70, in) ? pick(PRODUCTS, in) : null,
                chance(60, in) ? pick(VERSIONS, in) : null, chance(30, in) ? "protocol 2.0" : null,
                chance(15, in) ? "ssl" : null, null, null, null, null, null, null, null, null, "probed", 10, List.of());
    }

    /** The scan with a few edits: hosts dropped or added, ports, services, states, OS and scripts changed. */
    private static Scan edited(Scan scan, RandomnessSource in) {
        List<Host> hosts = new ArrayList<>();
        for (Host h : scan.hosts()) {
            if (chance(10, in)) {
                continue;
            }
            hosts.add(chance(50, in) ? editedHost(h, in) : h);
        }
        if (chance(20, in)) {
            hosts.add(host(in));
        }
        return new Scan(scan.scanner(), scan.args(), scan.nmapVersion(), scan.xmlOutputVersion(),
                scan.start().plusSeconds(86_400), null, scan.scanInfos(), 0, 0,
                chance(80, in) ? scan.preScanScripts() : scripts(in, 50), hosts,
                chance(80, in) ? scan.postScanScripts() : scripts(in, 50), scan.runStats(), true);
    }

    private static Host editedHost(Host h, RandomnessSource in) {
        List<Port> ports = new ArrayList<>();
        for (Port p : h.ports()) {
            if (chance(10, in)) {
                continue;
            }
            if (chance(30, in)) {
                p = new Port(p.protocol(), p.number(), chance(50, in) ? pick(List.of(PortState.OPEN, PortState.CLOSED), in) : p.state(),
                        p.reason(), null, null, null, chance(50, in) ? service(in) : p.service(),
                        chance(50, in) ? scripts(in, 60) : p.scripts());
            }
            ports.add(p);
        }
        if (chance(30, in)) {
            ports.add(port(in));
        }
        OsDetection os = chance(30, in)
                ? new OsDetection(List.of(), List.of(new OsMatch(pick(OS, in), 90, null, List.of())), List.of(), List.of())
                : h.os();
        return new Host(chance(10, in) ? new HostStatus(HostState.DOWN, "no-response", null) : h.status(), h.addresses(),
                chance(10, in) ? List.of(new HostName(pick(NAMES, in), HostNameType.PTR)) : h.hostNames(), h.extraPorts(),
                ports, chance(20, in) ? scripts(in, 60) : h.scripts(), os, null, null, null, null, null, false, null);
    }
}
