package io.github.nmapdiff.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The nmap XML of a small scan of 127.0.0.1 ("localhost") with OpenSSH on port 22, to change
 * piece by piece: the start time, the ssh version, port 22's scripts, more ports, more hosts.
 */
public final class LocalhostScan {
    private long start = 1_700_000_000L;
    private String args = "nmap -sV 127.0.0.1";
    private Integer closedExtraPorts;
    private String sshVersion = "9.2p1";
    private String sshExtraInfo;
    private String sshScripts = "";
    private String morePorts = "";
    private String moreHosts = "";

    private LocalhostScan() {
    }

    /** A scan that started at {@code epochSecond} and took 5 seconds. */
    public static LocalhostScan startingAt(long epochSecond) {
        LocalhostScan scan = new LocalhostScan();
        scan.start = epochSecond;
        return scan;
    }

    /** The command line in the scan. */
    public LocalhostScan args(String commandLine) {
        this.args = commandLine;
        return this;
    }

    /** An extraports summary of that many closed ports. */
    public LocalhostScan closedExtraPorts(int count) {
        this.closedExtraPorts = count;
        return this;
    }

    /** The OpenSSH version on port 22, and its extra info (or null). */
    public LocalhostScan ssh(String version, String extraInfo) {
        this.sshVersion = version;
        this.sshExtraInfo = extraInfo;
        return this;
    }

    /** Script elements of port 22. */
    public LocalhostScan sshScripts(String scripts) {
        this.sshScripts = scripts;
        return this;
    }

    /** Port elements after port 22. */
    public LocalhostScan morePorts(String ports) {
        this.morePorts = ports;
        return this;
    }

    /** Host elements after 127.0.0.1. */
    public LocalhostScan moreHosts(String hosts) {
        this.moreHosts = hosts;
        return this;
    }

    /** Returns the XML. */
    public String xml() {
        return "<?xml version=\"1.0\"?>\n"
                + "<nmaprun scanner=\"nmap\" args=\"" + args + "\" start=\"" + start + "\" version=\"7.93\" xmloutputversion=\"1.05\">\n"
                + "<verbose level=\"0\"/><debugging level=\"0\"/>\n"
                + "<host><status state=\"up\" reason=\"user-set\" reason_ttl=\"0\"/>\n"
                + "<address addr=\"127.0.0.1\" addrtype=\"ipv4\"/>\n"
                + "<hostnames><hostname name=\"localhost\" type=\"user\"/></hostnames>\n"
                + "<ports>" + (closedExtraPorts == null ? "" : "<extraports state=\"closed\" count=\"" + closedExtraPorts + "\"/>\n")
                + "<port protocol=\"tcp\" portid=\"22\"><state state=\"open\" reason=\"syn-ack\" reason_ttl=\"64\"/>\n"
                + "<service name=\"ssh\" product=\"OpenSSH\" version=\"" + sshVersion + "\""
                + (sshExtraInfo == null ? "" : " extrainfo=\"" + sshExtraInfo + "\"") + " method=\"probed\" conf=\"10\"/>\n"
                + sshScripts + "</port>\n"
                + morePorts + "</ports>\n"
                + "</host>\n"
                + moreHosts
                + "<runstats><finished time=\"" + (start + 5) + "\" elapsed=\"5.00\" exit=\"success\"/>"
                + "<hosts up=\"1\" down=\"0\" total=\"1\"/></runstats>\n"
                + "</nmaprun>\n";
    }

    /** Writes the XML to a file and returns it. */
    public Path write(Path file) {
        try {
            return Files.writeString(file, xml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
