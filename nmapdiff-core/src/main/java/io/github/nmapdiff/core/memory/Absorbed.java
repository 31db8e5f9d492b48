package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.Triage;
import io.github.nmapdiff.core.spi.HostRecord;
import io.github.nmapdiff.core.spi.MemoryHead;
import io.github.nmapdiff.core.spi.MemoryUpdate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What absorbing one scan made of the memory, before it is committed: what the scan found
 * (before the team's rules), what it held back, what changed in what the scans cover, and
 * the change to commit. Immutable.
 */
public final class Absorbed {
    private final MemoryHead head;
    private final List<HostRecord> hosts;
    private final List<MemoryUpdate.HostEvent> events;
    private final Triage triage;
    private final boolean complete;
    private final boolean first;
    private final @Nullable String scopeChange;
    private final Map<String, HostMemory> touched;
    private final int hostsRead;

    Absorbed(MemoryHead head, List<HostRecord> hosts, List<MemoryUpdate.HostEvent> events, List<Finding> findings, HeldBack held,
            boolean complete, boolean first, @Nullable String scopeChange, Map<String, HostMemory> touched, int hostsRead) {
        this.head = head;
        this.hosts = List.copyOf(hosts);
        this.events = List.copyOf(events);
        this.triage = Triage.of(findings, held);
        this.complete = complete;
        this.first = first;
        this.scopeChange = scopeChange;
        this.touched = touched;
        this.hostsRead = hostsRead;
    }

    /** Returns what the scan found, before the team's rules, and what it held back; empty for the first scan. */
    public Triage triage() {
        return triage;
    }

    /** Returns whether the scan was complete. */
    public boolean complete() {
        return complete;
    }

    /** Returns whether it was the first scan the memory learned from: a baseline, that reports nothing. */
    public boolean first() {
        return first;
    }

    /** Returns what changed in what the scans cover; null when nothing did. */
    public @Nullable String scopeChange() {
        return scopeChange;
    }

    /** Returns the head the memory will have. */
    public MemoryHead head() {
        return head;
    }

    /** Returns how many hosts of the scan were read in full: those it does not list as the memory last absorbed them. */
    public int hostsRead() {
        return hostsRead;
    }

    /** Returns how many hosts the scan changed in the memory. */
    public int hostsChanged() {
        return hosts.size();
    }

    /**
     * Returns the change to commit, with what the night reported after the team's rules.
     *
     * @param reported the findings and held-back counts after the rules; never null
     * @return the update, never null
     */
    public MemoryUpdate update(Triage reported) {
        Night night = Night.of(head.through(), head.throughTime(), complete, first, reported.findings(), reported.heldBack());
        return MemoryUpdate.of(head, hosts, List.of(), events, night, null);
    }

    /** What the scan changed of a host; null when it changed nothing of it. */
    @Nullable HostMemory touched(String key) {
        return touched.get(key);
    }

    /** The hosts the scan changed that the store does not know yet. */
    List<HostMemory> added(Set<String> known) {
        return touched.values().stream().filter(h -> !known.contains(h.key)).toList();
    }
}
