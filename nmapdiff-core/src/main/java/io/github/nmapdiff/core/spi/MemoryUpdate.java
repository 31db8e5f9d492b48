package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.TimelineEvent;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One night's change to the job's memory, for a {@link MemoryStore} to commit whole or not at
 * all: the new head, the records of the hosts that changed (whole records, replacing the old),
 * the keys of hosts the memory forgets, the timeline events the night added, the night itself,
 * and the outcome of its run as the snapshot now records it. Its size is the night's changes,
 * not the memory's. Immutable.
 */
public final class MemoryUpdate {

    /**
     * A timeline event of one host.
     *
     * @param key the host's key; never null
     * @param event the event; never null
     */
    public record HostEvent(String key, TimelineEvent event) {
        /** Validates the fields. */
        public HostEvent {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(event, "event");
        }
    }

    private final MemoryHead head;
    private final List<HostRecord> hosts;
    private final List<String> removed;
    private final List<HostEvent> events;
    private final Night night;
    private final @Nullable Snapshot recorded;

    private MemoryUpdate(MemoryHead head, List<HostRecord> hosts, List<String> removed, List<HostEvent> events, Night night,
            @Nullable Snapshot recorded) {
        this.head = Objects.requireNonNull(head, "head");
        this.hosts = List.copyOf(hosts);
        this.removed = List.copyOf(removed);
        this.events = List.copyOf(events);
        this.night = Objects.requireNonNull(night, "night");
        this.recorded = recorded;
    }

    /**
     * Returns an update.
     *
     * @param head the head after the night; never null
     * @param hosts the records of the hosts that changed, whole; never null
     * @param removed the keys of the hosts the memory forgets (a host it now knows by another key); never null
     * @param events the timeline events the night added, oldest first; never null
     * @param night the night; never null
     * @param recorded the night's snapshot with its run's outcome, for a store that records it in the same transaction; may be null
     * @return the update, never null
     */
    public static MemoryUpdate of(MemoryHead head, List<HostRecord> hosts, List<String> removed, List<HostEvent> events, Night night,
            @Nullable Snapshot recorded) {
        return new MemoryUpdate(head, hosts, removed, events, night, recorded);
    }

    /** Returns this update with the snapshot's outcome to record with it. */
    public MemoryUpdate recording(Snapshot outcome) {
        return new MemoryUpdate(head, hosts, removed, events, night, Objects.requireNonNull(outcome, "outcome"));
    }

    /** Returns this update with another head. */
    public MemoryUpdate withHead(MemoryHead other) {
        return new MemoryUpdate(Objects.requireNonNull(other, "other"), hosts, removed, events, night, recorded);
    }

    /** Returns the head after the night; never null. */
    public MemoryHead head() {
        return head;
    }

    /** Returns the records of the hosts that changed; never null. */
    public List<HostRecord> hosts() {
        return hosts;
    }

    /** Returns the keys of the hosts the memory forgets; never null. */
    public List<String> removed() {
        return removed;
    }

    /** Returns the timeline events the night added, oldest first; never null. */
    public List<HostEvent> events() {
        return events;
    }

    /** Returns the night; never null. */
    public Night night() {
        return night;
    }

    /** Returns the snapshot's outcome to record with the night; null when the core records it itself. */
    public @Nullable Snapshot recorded() {
        return recorded;
    }

    @Override
    public String toString() {
        return "MemoryUpdate[" + head + ", " + hosts.size() + " hosts, " + events.size() + " events]";
    }
}
