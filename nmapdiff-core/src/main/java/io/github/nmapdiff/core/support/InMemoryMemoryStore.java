package io.github.nmapdiff.core.support;

import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.TimelineEvent;
import io.github.nmapdiff.core.spi.HostRecord;
import io.github.nmapdiff.core.spi.HostSummary;
import io.github.nmapdiff.core.spi.MemoryHead;
import io.github.nmapdiff.core.spi.MemoryStore;
import io.github.nmapdiff.core.spi.MemoryUpdate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MemoryStore} in this process's memory: for tests, for a one-off run, and for stores
 * that keep no memory of their own (the core then learns it from their snapshots on every
 * run). Thread-safe; a commit is seen whole or not at all.
 */
public final class InMemoryMemoryStore implements MemoryStore {
    private @Nullable MemoryHead head;
    private final TreeMap<String, HostRecord> hosts = new TreeMap<>();
    private final List<MemoryUpdate.HostEvent> events = new ArrayList<>();
    private final Map<String, List<TimelineEvent>> byHost = new HashMap<>();
    private final LinkedHashMap<String, Night> nights = new LinkedHashMap<>();

    private InMemoryMemoryStore() {
    }

    /** Returns a new, empty store. */
    public static InMemoryMemoryStore create() {
        return new InMemoryMemoryStore();
    }

    @Override
    public synchronized Optional<MemoryHead> head() {
        return Optional.ofNullable(head);
    }

    @Override
    public synchronized List<HostSummary> summaries() {
        return hosts.values().stream().map(HostRecord::summary).toList();
    }

    @Override
    public synchronized Map<String, HostRecord> hosts(Collection<String> keys) {
        Map<String, HostRecord> found = new HashMap<>();
        for (String k : keys) {
            HostRecord r = hosts.get(k);
            if (r != null) {
                found.put(k, r);
            }
        }
        return found;
    }

    @Override
    public void forEachHost(Consumer<HostRecord> action) {
        List<HostRecord> all;
        synchronized (this) {
            all = new ArrayList<>(hosts.values());
        }
        all.forEach(action);
    }

    @Override
    public synchronized List<TimelineEvent> events(String key) {
        return List.copyOf(byHost.getOrDefault(key, List.of()));
    }

    @Override
    public void forEachEvent(Consumer<MemoryUpdate.HostEvent> action) {
        List<MemoryUpdate.HostEvent> all;
        synchronized (this) {
            all = new ArrayList<>(events);
        }
        all.forEach(action);
    }

    @Override
    public synchronized List<Night> nights() {
        return List.copyOf(nights.values());
    }

    @Override
    public synchronized void commit(MemoryUpdate update) {
        update.removed().forEach(hosts::remove);
        update.hosts().forEach(r -> hosts.put(r.key(), r));
        for (MemoryUpdate.HostEvent e : update.events()) {
            events.add(e);
            byHost.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.event());
        }
        nights.put(update.night().snapshotId(), update.night());
        head = update.head();
    }

    @Override
    public synchronized void clear() {
        head = null;
        hosts.clear();
        events.clear();
        byHost.clear();
        nights.clear();
    }

    @Override
    public synchronized String toString() {
        return "InMemoryMemoryStore[" + hosts.size() + " hosts, " + nights.size() + " nights]";
    }
}
