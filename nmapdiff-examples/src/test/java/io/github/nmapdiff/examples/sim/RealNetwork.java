package io.github.nmapdiff.examples.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Thirty nights of {@code -Pn -sV} scans of a network that does what real networks do, the
 * second round of noise: 30 servers (203.0.113.0/24), 45 hosts that only make noise
 * (198.51.100.0/24) and the hosts where something real happens (192.0.2.0/24). Nights 1 to
 * 8 are the shell script's, imported; the job runs from night 9.
 *
 * <p>The noise, by host: 1 to 10 come and go (laptops, test VMs: away a night, later two,
 * later three, never longer than one night beyond the longest before); 11 to 16 lose their
 * reverse lookup for two or three scans now and then; 17 to 22 are printers whose 161/udp was
 * open|filtered at the baseline and answers open some nights; 23 to 30 have service detection
 * that fails some nights (tcpwrapped, no version, a guess from the port number, a lower
 * confidence with another product); 31 to 40 are load-balanced names whose version and
 * certificate alternate between two backends; 41 to 45 are phones on the same segment (nmap sees
 * their MACs) that DHCP gives one of two addresses. The events are {@link #EVENTS}; among them the
 * servers' OpenSSH patch update on one night.
 */
public final class RealNetwork {
    public static final int NIGHTS = 30;
    /** The nights imported from the shell script's folder; the job runs from the next one. */
    public static final int IMPORTED = 8;
    public static final Instant NIGHT_1 = Instant.parse("2025-03-01T02:00:00Z");

    /** A real event: the night it must be reported on, and the line (or the start of the line) that says so. */
    public record Event(String what, int reported, String line) {
    }

    private static final String DEB_U3 = "9.2p1 Debian 2+deb12u3";
    private static final String DEB_U4 = "9.2p1 Debian 2+deb12u4";

    public static final List<Event> EVENTS = List.of(
            new Event("a database port opens", 10, "[high] 5432/tcp postgresql opened on db1.example.com (192.0.2.21)"),
            new Event("the servers' OpenSSH patch update", 12,
                    "[low] 30 hosts: OpenSSH patch update (OpenSSH " + DEB_U3 + " -> OpenSSH " + DEB_U4 + ")"),
            new Event("a minor version changes, with a patch the same night", 15,
                    "[medium] 22/tcp ssh version changed on bastion.example.com (192.0.2.24): OpenSSH 9.2p1 -> OpenSSH 9.6p1"),
            new Event("a backend shows a certificate never seen before", 18,
                    "[low] 443/tcp ssl-cert output changed on lb1.example.com (192.0.2.30)"),
            new Event("a server goes for good", 22, "[medium] host gone: old3.example.com (192.0.2.23)"),
            new Event("telnet opens", 24, "[high] 23/tcp telnet opened on switch7.example.com (192.0.2.26)"),
            new Event("a UDP port never seen answers open", 27, "[high] 69/udp tftp opened on printer9.example.com (192.0.2.29)"));

    /** The hosts whose only changes are noise. */
    public static List<String> noiseHosts() {
        List<String> hosts = new ArrayList<>();
        for (int i = 1; i <= 45; i++) {
            hosts.add("198.51.100." + i);
        }
        for (int i = 41; i <= 45; i++) {
            hosts.add("198.51.100." + (100 + i));
        }
        return hosts;
    }

    /** Per noise host, what it does on each night (index 1 to NIGHTS): see {@link #noise}. */
    private final boolean[][] odd = new boolean[46][NIGHTS + 1];
    private final int[][] variant = new int[46][NIGHTS + 1];

    public RealNetwork() {
        Random random = new Random(20261203);
        for (int i = 1; i <= 10; i++) {
            // absences of 1, 2, 3, 2, 1 nights, each at least two nights after the last one ended
            int night = 2 + random.nextInt(4);
            for (int length : new int[] {1, 2, 3, 2, 1}) {
                for (int k = 0; k < length && night + k <= NIGHTS; k++) {
                    odd[i][night + k] = true;
                }
                night += length + 2 + random.nextInt(3);
            }
        }
        for (int i = 11; i <= 16; i++) {
            for (int night = 2 + random.nextInt(5); night <= NIGHTS; night += 4 + random.nextInt(4)) {
                int length = 2 + random.nextInt(2);
                for (int k = 0; k < length && night + k <= NIGHTS; k++) {
                    odd[i][night + k] = true;
                }
                night += length;
            }
        }
        for (int i = 17; i <= 45; i++) {
            for (int night = 2; night <= NIGHTS; night++) {
                odd[i][night] = random.nextInt(3) == 0;
                variant[i][night] = random.nextInt(4);
            }
            // both backends show before the job runs: the first two nights are one each
            odd[i][2] = true;
        }
    }

    public static Instant start(int night) {
        return NIGHT_1.plus(Duration.ofDays(night - 1)).plusSeconds(night * 13L % 60);
    }

    /** Returns the XML nmap would have written on a night. */
    public String night(int n) {
        Instant t = start(n);
        StringBuilder xml = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            xml.append(NmapXml.host(t, "203.0.113." + i, null, "srv" + i + ".example.com",
                    NmapXml.port(22, "ssh", "OpenSSH", n < 12 ? DEB_U3 : DEB_U4, null)
                            + (i % 3 == 0 ? NmapXml.port(80, "http", "nginx", "1.22.1", null) : "")));
        }
        for (int i = 1; i <= 45; i++) {
            xml.append(noise(n, i));
        }
        xml.append(NmapXml.host(t, "192.0.2.21", null, "db1.example.com", NmapXml.port(22, "ssh", "OpenSSH", "9.2p1", null)
                + (n >= 10 ? NmapXml.port(5432, "postgresql", "PostgreSQL DB", "15.4", null) : "")));
        if (n < 21) {
            xml.append(NmapXml.host(t, "192.0.2.23", null, "old3.example.com", NmapXml.port(22, "ssh", "OpenSSH", "7.4", null)));
        } else {
            xml.append(NmapXml.off(t, "192.0.2.23", "old3.example.com"));
        }
        xml.append(NmapXml.host(t, "192.0.2.24", null, "bastion.example.com",
                NmapXml.port(22, "ssh", "OpenSSH", n < 15 ? "9.2p1" : "9.6p1", null)));
        xml.append(NmapXml.host(t, "192.0.2.25", null, "web9.example.com",
                NmapXml.port(80, "http", "nginx", n < 15 ? "1.22.1" : "1.22.2", null)));
        xml.append(NmapXml.host(t, "192.0.2.26", null, "switch7.example.com", NmapXml.port(443, "https", null, null, null)
                + (n >= 24 ? NmapXml.port(23, "telnet", null, null, null) : "")));
        xml.append(NmapXml.host(t, "192.0.2.29", null, "printer9.example.com", NmapXml.port(9100, "jetdirect", null, null, null)
                + (n >= 27 ? NmapXml.udp(69, "open", "tftp") : "")));
        // two backends since the first night; a third certificate on night 18, among them from then on
        int backend = n < 18 ? n % 2 : n == 18 ? 2 : n % 3;
        xml.append(NmapXml.host(t, "192.0.2.30", null, "lb1.example.com", NmapXml.port(443, "https", "nginx", "1.22.1",
                NmapXml.script("ssl-cert", "Subject: commonName=lb1.example.com Serial: " + "ABC".charAt(backend) + "0F3"))));
        return NmapXml.night(t, xml.toString(), true);
    }

    private String noise(int n, int i) {
        Instant t = start(n);
        String address = "198.51.100." + i;
        String name = "ws" + i + ".example.com";
        boolean odd = this.odd[i][n];
        String ssh = NmapXml.port(22, "ssh", "OpenSSH", "9.2p1", null);
        if (i <= 10) { // comes and goes, with 445 open whenever it is there
            return odd ? NmapXml.off(t, address, name) : NmapXml.host(t, address, null, name, ssh
                    + NmapXml.port(445, "microsoft-ds", null, null, null));
        }
        if (i <= 16) { // the reverse lookup fails for a few scans
            return NmapXml.host(t, address, null, odd ? null : name, ssh);
        }
        if (i <= 22) { // 161/udp open|filtered at the baseline, open on some nights
            return NmapXml.host(t, address, null, name, NmapXml.port(9100, "jetdirect", null, null, null)
                    + NmapXml.udp(161, odd ? "open" : "open|filtered", "snmp"));
        }
        if (i <= 30) { // service detection that fails, each night in another way
            String failed = switch (variant[i][n]) {
                case 0 -> NmapXml.port(22, "tcpwrapped", null, null, null);
                case 1 -> NmapXml.port(22, "ssh", null, null, null);
                case 2 -> NmapXml.port(22, "ssh", null, null, "table", 3, null);
                default -> NmapXml.port(22, "ssh", "Dropbear sshd", "2022.83", "probed", 7, null);
            };
            return NmapXml.host(t, address, null, name, odd ? failed : ssh);
        }
        if (i > 40) { // a phone on the same segment (nmap sees its MAC) that DHCP gives one of two addresses
            return NmapXml.host(t, "198.51.100." + (odd ? 100 + i : i), String.format("02:00:5e:00:53:%02x", i), "phone" + i + ".example.com",
                    NmapXml.port(62078, "iphone-sync", null, null, null));
        }
        // two backends behind one name: another version and another certificate
        return NmapXml.host(t, address, null, name, NmapXml.port(443, "https", "nginx", odd ? "1.24.0" : "1.22.1",
                NmapXml.script("ssl-cert", "Subject: commonName=" + name + " Serial: " + (odd ? "B7" : "A1"))));
    }
}
