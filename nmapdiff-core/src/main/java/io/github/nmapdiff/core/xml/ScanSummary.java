package io.github.nmapdiff.core.xml;

import io.github.nmapdiff.core.model.Scan;
import java.util.List;
import java.util.Objects;

/**
 * What a scan is without its hosts: its header, scan info and run statistics (whether it is
 * complete among them), and how many hosts it holds. What the nightly job needs of a scan
 * before it reads any host; for a large scan, it is read without reading the hosts.
 * Immutable.
 */
public final class ScanSummary {
    private final Scan header;
    private final int hosts;

    private ScanSummary(Scan header, int hosts) {
        this.header = Objects.requireNonNull(header, "header");
        if (hosts < 0) {
            throw new IllegalArgumentException("hosts must be at least 0: " + hosts);
        }
        this.hosts = hosts;
    }

    /**
     * Returns the summary of a scan read whole.
     *
     * @param scan the scan, never null
     * @return its summary, never null
     */
    public static ScanSummary of(Scan scan) {
        return new ScanSummary(scan.hosts().isEmpty() ? scan : scan.withHosts(List.of()), scan.hosts().size());
    }

    /**
     * Returns a summary.
     *
     * @param header the scan without its hosts, never null
     * @param hosts how many hosts it holds
     * @return the summary, never null
     */
    public static ScanSummary of(Scan header, int hosts) {
        return new ScanSummary(header.hosts().isEmpty() ? header : header.withHosts(List.of()), hosts);
    }

    /** Returns the scan without its hosts; never null. */
    public Scan header() {
        return header;
    }

    /** Returns how many hosts the scan holds. */
    public int hosts() {
        return hosts;
    }

    /** Returns whether nmap finished the scan. */
    public boolean complete() {
        return header.complete();
    }

    @Override
    public String toString() {
        return "ScanSummary[" + hosts + " hosts" + (header.complete() ? "" : ", incomplete") + "]";
    }
}
