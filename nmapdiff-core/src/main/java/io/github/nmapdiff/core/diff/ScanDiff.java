package io.github.nmapdiff.core.diff;

import io.github.nmapdiff.core.model.PortKey;
import io.github.nmapdiff.core.internal.NdiffHost;
import io.github.nmapdiff.core.internal.PyText;
import io.github.nmapdiff.core.internal.SequenceMatcher;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.ScriptResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What differs between two scans, with the semantics of nmap's {@code ndiff}: hosts matched by
 * address and name, ports by number and protocol, scripts by id; the same "cost" ndiff counts,
 * so that the exit code agrees; and a typed list of {@link Change}s for programs.
 *
 * <p>{@link #between(Scan, Scan)} is pure: no I/O, no logging, and the same inputs give the
 * same result. Instances are immutable and thread-safe.
 *
 * <p>A final class rather than a record so that it can keep its typed changes, derived once.
 */
public final class ScanDiff {
    private final Scan before;
    private final Scan after;
    private final List<ScriptDiff> preScanScripts;
    private final List<HostDiff> hosts;
    private final List<ScriptDiff> postScanScripts;
    private final int hostsBefore;
    private final int hostsAfter;
    /** Derived on first use; a race derives it twice, alike. */
    private volatile @Nullable List<Change> changes;

    /**
     * Makes a diff of its parts.
     *
     * @param before the first (older) scan; never null
     * @param after the second (newer) scan; never null
     * @param preScanScripts the pre-scan script results, paired by id; never null
     * @param hosts every host of either scan, in ndiff's order; never null
     * @param postScanScripts the post-scan script results, paired by id; never null
     * @param hostsBefore how many hosts the first scan has (its host list may hold only those that changed)
     * @param hostsAfter how many hosts the second scan has
     */
    public ScanDiff(Scan before, Scan after, List<ScriptDiff> preScanScripts, List<HostDiff> hosts,
            List<ScriptDiff> postScanScripts, int hostsBefore, int hostsAfter) {
        this.before = Objects.requireNonNull(before, "before");
        this.after = Objects.requireNonNull(after, "after");
        this.preScanScripts = List.copyOf(preScanScripts);
        this.hosts = List.copyOf(hosts);
        this.postScanScripts = List.copyOf(postScanScripts);
        this.hostsBefore = hostsBefore;
        this.hostsAfter = hostsAfter;
    }

    /** Returns the first (older) scan; never null. */
    public Scan before() {
        return before;
    }

    /** Returns the second (newer) scan; never null. */
    public Scan after() {
        return after;
    }

    /** Returns the pre-scan script results, paired by id; never null. */
    public List<ScriptDiff> preScanScripts() {
        return preScanScripts;
    }

    /** Returns every host of either scan, in ndiff's order; never null. */
    public List<HostDiff> hosts() {
        return hosts;
    }

    /** Returns the post-scan script results, paired by id; never null. */
    public List<ScriptDiff> postScanScripts() {
        return postScanScripts;
    }

    /** Returns how many hosts the first scan has (its host list may hold only those that changed). */
    public int hostsBefore() {
        return hostsBefore;
    }

    /** Returns how many hosts the second scan has. */
    public int hostsAfter() {
        return hostsAfter;
    }

    /**
     * Returns whether this diff holds only the hosts that changed, as {@link FileDiff} makes it:
     * then {@link #before()} and {@link #after()} hold those hosts only, and
     * {@link #hostsBefore()} and {@link #hostsAfter()} count the whole scans. The changes, the
     * cost and ndiff's output without {@code -v} are those of the whole scans all the same.
     */
    public boolean partial() {
        return before.hosts().size() != hostsBefore || after.hosts().size() != hostsAfter;
    }

    /**
     * Compares two scans.
     *
     * @param before the first (older) scan, never null
     * @param after the second (newer) scan, never null
     * @return the difference, never null
     */
    public static ScanDiff between(Scan before, Scan after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        List<HostDiff> hosts = new ArrayList<>();
        List<Keyed> a = sortedById(before.hosts());
        List<Keyed> b = sortedById(after.hosts());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            int order;
            if (i == a.size()) {
                order = 1;
            } else if (j == b.size()) {
                order = -1;
            } else {
                order = compareIds(a.get(i).id, b.get(j).id);
            }
            if (order < 0) {
                hosts.add(hostDiff(a.get(i++).host, null));
            } else if (order > 0) {
                hosts.add(hostDiff(null, b.get(j++).host));
            } else {
                hosts.add(hostDiff(a.get(i++).host, b.get(j++).host));
            }
        }
        // pre- and post-scan results are paired in file order, as ndiff pairs them
        return new ScanDiff(before, after, scriptDiffs(before.preScanScripts(), after.preScanScripts()), hosts,
                scriptDiffs(before.postScanScripts(), after.postScanScripts()), before.hosts().size(), after.hosts().size());
    }

    /**
     * Hosts with neither address nor name (on which ndiff fails) sort last and are matched with
     * each other in the order of the files.
     */
    private static int compareIds(@Nullable String x, @Nullable String y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : 1) : -1;
        }
        return PyText.compare(x, y);
    }

    /** A host with its ndiff id, worked out once. */
    private record Keyed(Host host, @Nullable String id) {
    }

    /** The hosts in ndiff's order, stable for equal ids. */
    private static List<Keyed> sortedById(List<Host> hosts) {
        List<Keyed> sorted = new ArrayList<>(hosts.size());
        for (Host h : hosts) {
            sorted.add(new Keyed(h, NdiffHost.of(h).id()));
        }
        sorted.sort(Comparator.comparing(Keyed::id, Comparator.nullsLast(PyText.ORDER)));
        return sorted;
    }

    private static HostDiff hostDiff(@Nullable Host before, @Nullable Host after) {
        NdiffHost a = NdiffHost.of(before);
        NdiffHost b = NdiffHost.of(after);
        boolean identityChanged = !new HashSet<>(a.addresses()).equals(new HashSet<>(b.addresses()))
                || !new HashSet<>(a.hostNames()).equals(new HashSet<>(b.hostNames()));
        TreeSet<PortKey> keys = new TreeSet<>(a.ports().keySet());
        keys.addAll(b.ports().keySet());
        List<PortDiff> ports = new ArrayList<>(keys.size());
        for (PortKey key : keys) {
            Port pa = a.ports().get(key);
            Port pb = b.ports().get(key);
            ports.add(new PortDiff(key, pa, pb, a.isExtraPorts(pa == null ? null : pa.state().nmapName()),
                    b.isExtraPorts(pb == null ? null : pb.state().nmapName()),
                    scriptDiffs(sortedScripts(pa), sortedScripts(pb))));
        }
        List<OsEdit> os = new ArrayList<>();
        for (SequenceMatcher.Opcode op : SequenceMatcher.opcodes(a.os(), b.os())) {
            os.add(new OsEdit(OsEdit.Kind.valueOf(op.tag().name()), a.os().subList(op.i1(), op.i2()),
                    b.os().subList(op.j1(), op.j2())));
        }
        // ndiff compares extraports as (count, state) pairs in file order
        boolean extraPortsChanged = !List.copyOf(a.extraPorts().entrySet()).equals(List.copyOf(b.extraPorts().entrySet()));
        return new HostDiff(before, after, !Objects.equals(a.state(), b.state()), identityChanged, extraPortsChanged,
                ports, os, scriptDiffs(a.scripts(), b.scripts()));
    }

    private static List<ScriptResult> sortedScripts(@Nullable Port port) {
        if (port == null) {
            return List.of();
        }
        List<ScriptResult> sorted = new ArrayList<>(port.scripts());
        sorted.sort(NdiffHost.SCRIPT_ORDER);
        return sorted;
    }

    /** Pairs two lists of script results by id, as a merge of lists ordered by id. */
    private static List<ScriptDiff> scriptDiffs(List<ScriptResult> a, List<ScriptResult> b) {
        List<ScriptDiff> diffs = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            int order = PyText.compare(a.get(i).id(), b.get(j).id());
            if (order < 0) {
                diffs.add(new ScriptDiff(a.get(i++), null));
            } else if (order > 0) {
                diffs.add(new ScriptDiff(null, b.get(j++)));
            } else {
                diffs.add(new ScriptDiff(a.get(i++), b.get(j++)));
            }
        }
        while (i < a.size()) {
            diffs.add(new ScriptDiff(a.get(i++), null));
        }
        while (j < b.size()) {
            diffs.add(new ScriptDiff(null, b.get(j++)));
        }
        return diffs;
    }

    /**
     * Returns ndiff's cost: the sum of the hosts' costs. It is 0 exactly when ndiff finds no
     * difference (exit code 0).
     *
     * @param verbose whether ndiff's {@code -v} is on (with it, every pair of script results counts)
     * @return the cost
     */
    public int cost(boolean verbose) {
        int cost = 0;
        for (HostDiff h : hosts) {
            cost += h.cost(verbose);
        }
        return cost;
    }

    /** Returns whether ndiff would find no difference (without {@code -v}). */
    public boolean isEmpty() {
        return cost(false) == 0;
    }

    /** Returns this diff with the host counts of the whole scans, for a diff made of the changed hosts only. */
    ScanDiff withHostCounts(int before, int after) {
        return new ScanDiff(this.before, this.after, preScanScripts, hosts, postScanScripts, before, after);
    }

    /** Returns the hosts ndiff shows: those that changed, or all with {@code -v}. */
    public List<HostDiff> shownHosts(boolean verbose) {
        return hosts.stream().filter(h -> verbose || h.cost(verbose) > 0).toList();
    }

    /** Returns the changes, typed and in ndiff's order, for programs to filter; derived once; never null. */
    public List<Change> changes() {
        List<Change> derived = changes;
        if (derived == null) {
            derived = List.copyOf(Changes.of(this));
            changes = derived;
        }
        return derived;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScanDiff d && before.equals(d.before) && after.equals(d.after)
                && preScanScripts.equals(d.preScanScripts) && hosts.equals(d.hosts) && postScanScripts.equals(d.postScanScripts)
                && hostsBefore == d.hostsBefore && hostsAfter == d.hostsAfter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(before, after, preScanScripts, hosts, postScanScripts, hostsBefore, hostsAfter);
    }

    @Override
    public String toString() {
        return "ScanDiff[" + hostsBefore + " hosts before, " + hostsAfter + " after, " + changes().size() + " changes]";
    }
}
