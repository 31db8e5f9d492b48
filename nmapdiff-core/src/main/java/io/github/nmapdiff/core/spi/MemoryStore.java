package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.TimelineEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps the job's memory of the network for one site: the records of its hosts, their
 * timelines, the nights, and the head. A store keeps what it is told and gives it back equal;
 * what the records mean is the core's ({@code io.github.nmapdiff.core.memory}), so that every
 * store gets it right the same way. A {@link SnapshotStore} offers one with
 * {@link SnapshotStore#memory()}.
 *
 * <p>A night is committed whole ({@link #commit}): its size is the night's changes, so the
 * memory of a large network costs what changed, not what it remembers. Reading is by
 * summaries of every host (small), records of the hosts asked for, and streams for questions.
 *
 * <p>Implementations must be thread-safe; one run writes at a time (under the store's lock).
 * Every implementation should pass {@code MemoryStoreContract} of {@code nmapdiff-testkit}.
 * This interface only grows by {@code default} methods.
 */
public interface MemoryStore {

    /**
     * Returns where the memory stands.
     *
     * @return the head, or empty when the store keeps no memory yet (or forgot it)
     * @throws NmapDiffException when it cannot be read, or what is kept is damaged; the
     *         core then learns the memory again from the snapshots
     */
    Optional<MemoryHead> head();

    /**
     * Returns the summary of every host the memory knows, in any order.
     *
     * @return the summaries, never null
     */
    List<HostSummary> summaries();

    /**
     * Returns the records of hosts.
     *
     * @param keys the hosts' keys, never null
     * @return the records of those the memory knows, by key; never null
     */
    Map<String, HostRecord> hosts(Collection<String> keys);

    /**
     * Gives every host record to an action, in order of key.
     *
     * @param action what to do with each, never null
     */
    void forEachHost(Consumer<HostRecord> action);

    /**
     * Returns a host's timeline.
     *
     * @param key the host's key, never null
     * @return its events, oldest first; never null
     */
    List<TimelineEvent> events(String key);

    /**
     * Gives every timeline event to an action, oldest first.
     *
     * @param action what to do with each, never null
     */
    void forEachEvent(Consumer<MemoryUpdate.HostEvent> action);

    /**
     * Returns the nights, oldest first.
     *
     * @return the nights, never null
     */
    List<Night> nights();

    /**
     * Commits a night: all of it, or (when this throws) none of it.
     *
     * @param update the night's change, never null
     * @throws NmapDiffException when it cannot be kept; nothing of it was
     */
    void commit(MemoryUpdate update);

    /**
     * Forgets everything, so that the memory is learned again.
     *
     * @throws NmapDiffException when it cannot
     */
    void clear();
}
