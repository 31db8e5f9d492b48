package io.github.nmapdiff.examples.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A month of nightly {@code -Pn -sV} scans of a small office network, written as nmap writes
 * XML: 70 stable servers (203.0.113.0/24), 40 hosts that only make noise (198.51.100.0/24) and
 * 9 where something real happens (192.0.2.0/24). Documentation ranges: nothing is scanned; a
 * stand-in nmap replays the nights.
 *
 * <p>The noise, each on random single nights: hosts off (every port filtered, as -Pn lists
 * them), PTR names missing, UDP 161 between open and open|filtered, ssl-date output that tells
 * the time (every night), a port closed for one night. The events are {@link #EVENTS}.
 */
public final class SimulatedNetwork {
    /** The nights, 1 to 35; nights 1 to 10 are the shell script's, imported. */
    public static final int NIGHTS = 35;
    /** The first night: in the past, so that a year of them is too (a scan from the future counts as taken when kept). */
    public static final Instant NIGHT_1 = Instant.parse("2025-01-01T02:00:00Z");

    /** A real event: what happens, on which night it happens, on which night it must be reported, and the line that says so. */
    public record Event(String what, int happens, int reported, String line) {
    }

    public static final List<Event> EVENTS = List.of(
            new Event("a database port opens", 13, 13, "[high] 5432/tcp postgresql opened on db1.example.com (192.0.2.21)"),
            new Event("a port closes for good", 15, 16, "[medium] 8080/tcp http-proxy closed on app2.example.com (192.0.2.22)"),
            new Event("a host goes for good", 17, 18, "[medium] host gone: old3.example.com (192.0.2.23)"),
            new Event("a new host with RDP", 19, 19, "[high] 3389/tcp ms-wbt-server opened on 192.0.2.200"),
            new Event("a version changes", 21, 21, "[medium] 22/tcp ssh version changed on bastion.example.com (192.0.2.24): OpenSSH 9.2p1 -> OpenSSH 9.6p1"),
            new Event("a service is replaced", 23, 23, "[medium] 2121/tcp service replaced on ftp.example.com (192.0.2.25): ftp vsftpd 3.0.3 -> http nginx 1.22.1"),
            new Event("telnet opens", 26, 26, "[high] 23/tcp telnet opened on switch7.example.com (192.0.2.26)"),
            new Event("file sharing closes for good", 29, 30, "[medium] 445/tcp microsoft-ds closed on fs1.example.com (192.0.2.27)"));

    /** The hosts whose only changes are noise. */
    public static List<String> noiseHosts() {
        List<String> hosts = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            hosts.add("198.51.100." + i);
        }
        return hosts;
    }

    private final Random random = new Random(20261130);
    /** Per noise host, the nights its noise happens. */
    private final Map<Integer, List<Integer>> noisyNights = new LinkedHashMap<>();

    public SimulatedNetwork() {
        this(NIGHTS);
    }

    /** A network over more nights (a year): the same events, the noise spread over all the nights. */
    public SimulatedNetwork(int nights) {
        for (int i = 1; i <= 40; i++) {
            int count = (2 + random.nextInt(3)) * Math.max(1, nights / NIGHTS);
            List<Integer> noisy = new ArrayList<>();
            while (noisy.size() < count) {
                int n = 2 + random.nextInt(nights - 1);
                // single nights, never two in a row: the noise is a host back the next night
                if (!noisy.contains(n) && !noisy.contains(n - 1) && !noisy.contains(n + 1)) {
                    noisy.add(n);
                }
            }
            noisyNights.put(i, noisy);
        }
    }

    public static Instant start(int night) {
        return NIGHT_1.plus(Duration.ofDays(night - 1)).plusSeconds(night * 7L % 60);
    }

    /** Returns the XML nmap would have written on a night. */
    public String night(int n) {
        StringBuilder xml = new StringBuilder();
        for (int i = 1; i <= 70; i++) {
            xml.append(host(n, "203.0.113." + i, "srv" + i + ".example.com", port(22, "ssh", "OpenSSH", "9.2p1", null)
                    + (i % 3 == 0 ? port(80, "http", "nginx", "1.22.1", null) : "")));
        }
        for (int i = 1; i <= 40; i++) {
            xml.append(noise(n, i));
        }
        xml.append(host(n, "192.0.2.21", "db1.example.com", port(22, "ssh", "OpenSSH", "9.2p1", null)
                + (n >= 13 ? port(5432, "postgresql", "PostgreSQL DB", "15.4", null) : "")));
        xml.append(host(n, "192.0.2.22", "app2.example.com", port(22, "ssh", "OpenSSH", "9.2p1", null)
                + (n < 15 ? port(8080, "http-proxy", null, null, null) : "")));
        if (n < 17) {
            xml.append(host(n, "192.0.2.23", "old3.example.com", port(22, "ssh", "OpenSSH", "7.4", null)));
        } else {
            xml.append(off(n, "192.0.2.23", "old3.example.com"));
        }
        if (n >= 19) {
            xml.append(host(n, "192.0.2.200", null, port(3389, "ms-wbt-server", "Microsoft Terminal Services", null, null)));
        }
        xml.append(host(n, "192.0.2.24", "bastion.example.com", port(22, "ssh", "OpenSSH", n < 21 ? "9.2p1" : "9.6p1", null)));
        xml.append(host(n, "192.0.2.25", "ftp.example.com", n < 23 ? port(2121, "ftp", "vsftpd", "3.0.3", null)
                : port(2121, "http", "nginx", "1.22.1", null)));
        xml.append(host(n, "192.0.2.26", "switch7.example.com", port(443, "https", null, null, null)
                + (n >= 26 ? port(23, "telnet", null, null, null) : "")));
        xml.append(host(n, "192.0.2.27", "fs1.example.com", port(22, "ssh", "OpenSSH", "9.2p1", null)
                + (n < 29 ? port(445, "microsoft-ds", null, null, null) : "")));
        // an event of the imported months: 8080 opened on night 5, before the job ran
        xml.append(host(n, "192.0.2.28", "dev.example.com", port(22, "ssh", "OpenSSH", "9.2p1", null)
                + (n >= 5 ? port(8080, "http", "Jetty", "9.4", null) : "")));
        return NmapXml.night(start(n), xml.toString(), true);
    }

    private String noise(int n, int i) {
        String address = "198.51.100." + i;
        String name = "ws" + i + ".example.com";
        boolean noisy = noisyNights.get(i).contains(n);
        if (i <= 10) { // off for a night
            return noisy ? off(n, address, name) : host(n, address, name, port(22, "ssh", "OpenSSH", "9.2p1", null));
        }
        if (i <= 18) { // the PTR name missing for a night
            return host(n, address, noisy ? null : name, port(22, "ssh", "OpenSSH", "9.2p1", null));
        }
        if (i <= 24) { // SNMP over UDP: open, or no answer (open|filtered)
            return host(n, address, name, port(22, "ssh", "OpenSSH", "9.2p1", null)
                    + udp(161, noisy ? "open|filtered" : "open", "snmp"));
        }
        if (i <= 34) { // ssl-date tells the time, every night
            String date = start(n).plusSeconds(i).toString().replace("Z", "+00:00");
            return host(n, address, name, port(443, "https", "nginx", "1.22.1", "<script id=\"ssl-date\" output=\"" + date
                    + "; 0s from scanner time.\"/>"));
        }
        // a port closed for a night
        return host(n, address, name, port(22, "ssh", "OpenSSH", "9.2p1", null) + (noisy ? closed(8443) : port(8443, "https-alt", null, null, null)));
    }

    private static String host(int n, String address, String name, String ports) {
        return NmapXml.host(start(n), address, null, name, ports);
    }

    private static String off(int n, String address, String name) {
        return NmapXml.off(start(n), address, name);
    }

    private static String port(int number, String service, String product, String version, String script) {
        return NmapXml.port(number, service, product, version, script);
    }

    private static String udp(int number, String state, String service) {
        return NmapXml.udp(number, state, service);
    }

    private static String closed(int number) {
        return NmapXml.closed(number, "https-alt");
    }
}
