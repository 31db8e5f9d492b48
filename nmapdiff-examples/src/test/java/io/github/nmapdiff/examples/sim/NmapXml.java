package io.github.nmapdiff.examples.sim;

import java.time.Instant;

/**
 * Scans written as nmap writes its XML ({@code -Pn -sV}), for the simulations: a night's
 * document, its hosts (up by the user's word, as {@code -Pn} lists them, with the ports not
 * listed filtered), and their ports. Documentation ranges only; nothing is scanned.
 */
final class NmapXml {
    private NmapXml() {
    }

    /** A whole night: its hosts, ended as a complete scan ends ({@code complete}), or cut off where nmap was stopped. */
    static String night(Instant start, String hosts, boolean complete) {
        long t = start.getEpochSecond();
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n"
                + "<nmaprun scanner=\"nmap\" args=\"nmap -Pn -sV -iL ips.txt -oX night.xml\" start=\"" + t
                + "\" startstr=\"\" version=\"7.93\" xmloutputversion=\"1.05\">\n<verbose level=\"0\"/>\n<debugging level=\"0\"/>\n";
        if (!complete) {
            return head + hosts;
        }
        return head + hosts + "<runstats><finished time=\"" + (t + 600) + "\" timestr=\"\" summary=\"\" elapsed=\"600.00\""
                + " exit=\"success\"/><hosts up=\"0\" down=\"0\" total=\"0\"/></runstats>\n</nmaprun>\n";
    }

    /** A host that answered, with its listed ports; {@code mac} and {@code name} may be null. */
    static String host(Instant start, String address, String mac, String name, String ports) {
        long t = start.getEpochSecond();
        int listed = ports.split("<port ", -1).length - 1;
        return "<host starttime=\"" + t + "\" endtime=\"" + (t + 30) + "\"><status state=\"up\" reason=\"user-set\" reason_ttl=\"0\"/>\n"
                + addresses(address, mac) + "<hostnames>\n"
                + (name == null ? "" : "<hostname name=\"" + name + "\" type=\"PTR\"/>\n") + "</hostnames>\n<ports>"
                + "<extraports state=\"filtered\" count=\"" + (1000 - listed) + "\">\n<extrareasons reason=\"no-response\" count=\""
                + (1000 - listed) + "\"/>\n</extraports>\n" + ports + "</ports>\n<times srtt=\"" + (300 + t % 97) + "\" rttvar=\"5000\""
                + " to=\"100000\"/>\n</host>\n";
    }

    /** A host that does not answer, as -Pn lists it: up by the user's word, every port filtered. */
    static String off(Instant start, String address, String name) {
        long t = start.getEpochSecond();
        return "<host starttime=\"" + t + "\" endtime=\"" + (t + 30) + "\"><status state=\"up\" reason=\"user-set\" reason_ttl=\"0\"/>\n"
                + addresses(address, null) + "<hostnames>\n"
                + (name == null ? "" : "<hostname name=\"" + name + "\" type=\"PTR\"/>\n")
                + "</hostnames>\n<ports><extraports state=\"filtered\" count=\"1000\">\n<extrareasons reason=\"no-response\""
                + " count=\"1000\"/>\n</extraports>\n</ports>\n<times srtt=\"1000\" rttvar=\"5000\" to=\"100000\"/>\n</host>\n";
    }

    private static String addresses(String address, String mac) {
        return "<address addr=\"" + address + "\" addrtype=\"ipv4\"/>\n"
                + (mac == null ? "" : "<address addr=\"" + mac + "\" addrtype=\"mac\" vendor=\"Example\"/>\n");
    }

    /** An open TCP port that version detection identified; product, version and script (a {@code <script>} element) may be null. */
    static String port(int number, String service, String product, String version, String script) {
        return port(number, service, product, version, "probed", 10, script);
    }

    /** An open TCP port as detection gave it: {@code method} {@code probed} or {@code table}, with its confidence. */
    static String port(int number, String service, String product, String version, String method, int conf, String script) {
        return "<port protocol=\"tcp\" portid=\"" + number + "\"><state state=\"open\" reason=\"syn-ack\" reason_ttl=\"64\"/>"
                + "<service name=\"" + service + "\"" + (product == null ? "" : " product=\"" + product + "\"")
                + (version == null ? "" : " version=\"" + version + "\"") + " method=\"" + method + "\" conf=\"" + conf + "\"/>"
                + (script == null ? "" : script) + "</port>\n";
    }

    /** A UDP port, {@code open} or {@code open|filtered}. */
    static String udp(int number, String state, String service) {
        return "<port protocol=\"udp\" portid=\"" + number + "\"><state state=\"" + state + "\" reason=\"udp-response\""
                + " reason_ttl=\"64\"/><service name=\"" + service + "\" method=\"probed\" conf=\"10\"/></port>\n";
    }

    /** A closed TCP port. */
    static String closed(int number, String service) {
        return "<port protocol=\"tcp\" portid=\"" + number + "\"><state state=\"closed\" reason=\"reset\" reason_ttl=\"64\"/>"
                + "<service name=\"" + service + "\" method=\"table\" conf=\"3\"/></port>\n";
    }

    /** A script's output element. */
    static String script(String id, String output) {
        return "<script id=\"" + id + "\" output=\"" + output + "\"/>";
    }
}
