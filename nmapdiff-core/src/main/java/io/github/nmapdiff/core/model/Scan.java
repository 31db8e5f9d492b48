package io.github.nmapdiff.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One nmap run: how it was started, the hosts it reported, and how it ended.
 *
 * <p>Text fields are {@code null} where nmap's XML has no such attribute; lists are never
 * null. A scan is {@linkplain #complete() complete} only when nmap finished it: a file cut
 * short (nmap killed mid-scan) or a run that ended in error gives an incomplete scan whose
 * hosts are those nmap had finished. Instances are immutable and thread-safe.
 *
 * @param scanner the scanner's name, normally {@code nmap}; may be null
 * @param args the command line nmap was started with; may be null
 * @param nmapVersion the version of nmap, such as {@code 7.93}; may be null
 * @param xmlOutputVersion the version of the XML format, such as {@code 1.05}; may be null
 * @param start when the scan started, to the second; may be null
 * @param startString nmap's own human form of {@code start}; may be null
 * @param scanInfos one entry per scan type and protocol; never null
 * @param verboseLevel nmap's verbosity level ({@code -v})
 * @param debuggingLevel nmap's debugging level ({@code -d})
 * @param preScanScripts results of scripts that ran before any host was scanned; never null
 * @param hosts the hosts, in the order of the file; never null
 * @param postScanScripts results of scripts that ran after all hosts; never null
 * @param runStats how the run ended; null when the file was cut short before it
 * @param complete whether nmap finished the scan successfully
 */
public record Scan(
        @Nullable String scanner,
        @Nullable String args,
        @Nullable String nmapVersion,
        @Nullable String xmlOutputVersion,
        @Nullable Instant start,
        @Nullable String startString,
        List<ScanInfo> scanInfos,
        int verboseLevel,
        int debuggingLevel,
        List<ScriptResult> preScanScripts,
        List<Host> hosts,
        List<ScriptResult> postScanScripts,
        @Nullable RunStats runStats,
        boolean complete) {

    /** Validates and copies the lists. */
    public Scan {
        scanInfos = List.copyOf(Objects.requireNonNull(scanInfos, "scanInfos"));
        preScanScripts = List.copyOf(Objects.requireNonNull(preScanScripts, "preScanScripts"));
        hosts = List.copyOf(Objects.requireNonNull(hosts, "hosts"));
        postScanScripts = List.copyOf(Objects.requireNonNull(postScanScripts, "postScanScripts"));
    }

    /**
     * Returns this scan with other hosts.
     *
     * @param newHosts the hosts, never null
     * @return a new scan, never null
     */
    public Scan withHosts(List<Host> newHosts) {
        return new Scan(scanner, args, nmapVersion, xmlOutputVersion, start, startString, scanInfos, verboseLevel,
                debuggingLevel, preScanScripts, newHosts, postScanScripts, runStats, complete);
    }

    /**
     * Returns this scan marked as not complete, as a scan that was stopped early is.
     *
     * @return a new scan, or this one when it is already incomplete; never null
     */
    public Scan asIncomplete() {
        return complete ? new Scan(scanner, args, nmapVersion, xmlOutputVersion, start, startString, scanInfos, verboseLevel,
                debuggingLevel, preScanScripts, hosts, postScanScripts, runStats, false) : this;
    }
}
