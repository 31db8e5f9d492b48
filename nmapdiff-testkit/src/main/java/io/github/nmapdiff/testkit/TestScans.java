package io.github.nmapdiff.testkit;

import io.github.nmapdiff.core.model.Address;
import io.github.nmapdiff.core.model.AddressType;
import io.github.nmapdiff.core.model.ExitStatus;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.HostState;
import io.github.nmapdiff.core.model.HostStatus;
import io.github.nmapdiff.core.model.OsDetection;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.PortState;
import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.model.RunStats;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Service;
import io.github.nmapdiff.core.xml.NmapXmlWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Small hand-made scans, for the tests of stores, notifiers and pipelines: hosts given as
 * {@code "127.0.0.1:22,80"} (open TCP ports running OpenSSH 9.2p1), and their nmap XML.
 */
public final class TestScans {
    private TestScans() {
    }

    /**
     * Returns a scan of hosts, each given as {@code "address:port,port"} (open ports running
     * ssh) or {@code "address:"} for a host with no open port.
     *
     * @param start when it started, never null
     * @param complete whether nmap finished it (an incomplete scan has no run statistics)
     * @param hosts {@code "127.0.0.1:22,80"} and the like
     * @return the scan, never null
     */
    public static Scan scan(Instant start, boolean complete, String... hosts) {
        List<Host> list = new ArrayList<>();
        for (String spec : hosts) {
            String[] parts = spec.split(":", 2);
            List<Port> ports = new ArrayList<>();
            if (parts.length > 1 && !parts[1].isEmpty()) {
                for (String p : parts[1].split(",")) {
                    ports.add(new Port(Protocol.TCP, Integer.parseInt(p), PortState.OPEN, "syn-ack", 64, null, null,
                            new Service("ssh", "OpenSSH", "9.2p1", null, null, null, null, null, null, null, null, null, null,
                                    "probed", 10, List.of()),
                            List.of()));
                }
            }
            list.add(new Host(new HostStatus(HostState.UP, "user-set", 0), List.of(new Address(parts[0], AddressType.IPV4, null)),
                    List.of(), List.of(), ports, List.of(), OsDetection.empty(), null, null, null, start, start.plusSeconds(5), false,
                    null));
        }
        RunStats stats = complete ? new RunStats(start.plusSeconds(10), null, new BigDecimal("10.00"), null, ExitStatus.SUCCESS, null,
                list.size(), 0, list.size()) : null;
        return new Scan("nmap", "nmap -sV 127.0.0.1", "7.93", "1.05", start, null, List.of(), 0, 0, List.of(), list, List.of(),
                stats, complete);
    }

    /**
     * Returns the scan as nmap XML bytes; an incomplete scan is cut before {@code </nmaprun>}, as
     * nmap leaves a file it did not finish.
     *
     * @param scan the scan, never null
     * @return the bytes, never null
     */
    public static byte[] xml(Scan scan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NmapXmlWriter().write(scan, out);
        byte[] bytes = out.toByteArray();
        if (scan.complete()) {
            return bytes;
        }
        // an incomplete scan is a file cut short, as nmap leaves it
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.substring(0, text.lastIndexOf("</nmaprun>")).getBytes(StandardCharsets.UTF_8);
    }
}
