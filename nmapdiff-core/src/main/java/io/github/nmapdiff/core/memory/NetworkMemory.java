package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.KnownHost;
import io.github.nmapdiff.core.model.KnownPort;
import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.model.TimelineEvent;
import io.github.nmapdiff.core.model.Triage;
import io.github.nmapdiff.core.spi.HostRecord;
import io.github.nmapdiff.core.spi.MemoryHead;
import io.github.nmapdiff.core.spi.MemoryStore;
import io.github.nmapdiff.core.spi.MemoryUpdate;
import io.github.nmapdiff.core.spi.PortRecord;
import io.github.nmapdiff.core.support.InMemoryMemoryStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The nightly job's memory of one site: every host that has answered and every port that has
 * been open, when first and last seen, and what the job last reported of them. Each scan is
 * {@link #absorb absorbed} once, in the order taken, and says what to report: exposure on the
 * night it is seen, a removal only once the policy's number of complete scans confirm it.
 *
 * <p>It is derived from the scans alone, so it can always be learned again from them; kept by
 * a {@link MemoryStore}, it outlives retention, so a host seen a year ago is not new when it
 * answers again. This class is the memory's rules and its questions; what it remembers lives
 * in the store, which the memory changes by one {@link MemoryUpdate} a night, the size of the
 * night's changes.
 *
 * <ul>
 *   <li>A host is keyed by its first address (IPv4, IPv6, then MAC, as ndiff orders them), so
 *       a reverse-DNS name that comes and goes does not make it another host.</li>
 *   <li>A host answers when nmap found it up for a reason of its own, or (with {@code -Pn},
 *       where every host is "up") when any port answered: open, closed or unfiltered.</li>
 *   <li>A UDP port in {@code open|filtered} neither opens a port nor closes an open one.</li>
 *   <li>A service that detection did not identify this time keeps the one it had.</li>
 *   <li>Script output is compared with dates and clock times taken out, and not at all for
 *       the policy's volatile scripts.</li>
 *   <li>An incomplete scan reports what it saw open or changed on the hosts it reached, and
 *       counts toward no confirmation.</li>
 *   <li>When the targets or the scan's arguments change, what both scans cover is compared;
 *       hosts and ports only the new scan covers are recorded as now watched, those only the
 *       old one covered are kept as no longer watched, never reported as new or gone.</li>
 * </ul>
 *
 * <p>Not thread-safe: one run absorbs at a time (under the store's lock).
 */
public final class NetworkMemory {
    private final MemoryStore store;

    private NetworkMemory(MemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Returns the memory a store keeps.
     *
     * @param store the store, never null
     * @return the memory, never null
     */
    public static NetworkMemory over(MemoryStore store) {
        return new NetworkMemory(store);
    }

    /** Returns a new, empty memory kept in this process only. */
    public static NetworkMemory inMemory() {
        return new NetworkMemory(InMemoryMemoryStore.create());
    }

    /** Returns the store the memory lives in. */
    public MemoryStore store() {
        return store;
    }

    /** Returns where the memory stands; empty before its first scan. */
    public Optional<MemoryHead> head() {
        return store.head();
    }

    /** Returns the id of the last snapshot absorbed; null before the first. */
    public @Nullable String through() {
        return head().map(MemoryHead::through).orElse(null);
    }

    /** Returns when the last snapshot absorbed was taken; null before the first. */
    public @Nullable Instant throughTime() {
        return head().map(MemoryHead::throughTime).orElse(null);
    }

    /**
     * Absorbs a scan, without committing it: says what it found and what it would change.
     *
     * @param snapshotId the id of the scan's snapshot, remembered as {@link #through()}; never null
     * @param source the scan; never null
     * @param when when the scan was taken; never null
     * @param scope what the scan covers; never null ({@link Scope#unknown()} when unknown)
     * @param policy how to tell noise from news; never null
     * @return what it found and the change to commit; never null
     */
    public Absorbed absorb(String snapshotId, ScanSource source, Instant when, Scope scope, NoisePolicy policy) {
        return new Absorption(store, head().orElse(null), policy, snapshotId, when, scope).run(source);
    }

    /**
     * Commits what a scan changed.
     *
     * @param update the change, never null
     */
    public void commit(MemoryUpdate update) {
        store.commit(update);
    }

    /**
     * Absorbs a scan and commits it at once, with what it found before any rules; returns what it found.
     *
     * @return what it found
     */
    public Triage absorbAndCommit(String snapshotId, ScanSource source, Instant when, Scope scope,
            NoisePolicy policy) {
        Absorbed absorbed = absorb(snapshotId, source, when, scope, policy);
        commit(absorbed.update(absorbed.triage()));
        return absorbed.triage();
    }

    /**
     * Returns the reminders of an expectation that ran out: one for each port it took in that
     * is open once the scan is absorbed, the day after its last day.
     */
    List<Finding> expired(Rule expectation, Absorbed absorbed) {
        List<Finding> reminders = new ArrayList<>();
        LocalDate until = Objects.requireNonNull(expectation.until(), "an expectation that ran out has a last day");
        Instant lastComplete = absorbed.head().lastCompleteAt();
        Set<String> known = new HashSet<>();
        Consumer<HostMemory> check = h -> h.ports.forEach((port, p) -> {
            if (h.present && h.watched && p.open && expectation.covers(h.key, h.name, port)) {
                reminders.add(Finding.expectationEnded(h.identity(), port, p.service, until, expectation.reason(),
                        Severities.opened(port, p.service), p.firstSeen, p.lastSeen));
            }
        });
        store.forEachHost(r -> {
            known.add(r.key());
            HostMemory touched = absorbed.touched(r.key());
            check.accept(touched != null ? touched : HostMemory.of(r, lastComplete));
        });
        absorbed.added(known).forEach(check);
        return reminders;
    }

    // ---------------------------------------------------------------- questions

    /** Returns how many hosts it remembers (answering or gone). */
    public int hostCount() {
        return store.summaries().size();
    }

    /**
     * Returns what the memory knows of a host.
     *
     * @param key the host's key (its first address)
     * @return the host, or empty when the memory does not know it
     */
    public Optional<KnownHost> host(String key) {
        HostRecord r = store.hosts(List.of(key)).get(key);
        return r == null ? Optional.empty() : Optional.of(known(r, lastComplete()));
    }

    /** Gives every host the memory knows to an action, in the order of their keys. */
    public void forEachHost(Consumer<KnownHost> action) {
        Instant lastComplete = lastComplete();
        store.forEachHost(r -> action.accept(known(r, lastComplete)));
    }

    /** Returns every host the memory knows, in the order of their keys. */
    public List<KnownHost> hosts() {
        List<KnownHost> all = new ArrayList<>();
        forEachHost(all::add);
        return all;
    }

    /**
     * Returns when a host was first seen answering, if ever.
     *
     * @param key the host's key (its first address)
     * @return the time, or empty when the memory does not know the host
     */
    public Optional<Instant> firstSeen(String key) {
        return host(key).map(KnownHost::firstSeen);
    }

    /**
     * Returns when a port of a host was first seen open, if ever.
     *
     * @param key the host's key (its first address)
     * @param port the port, as {@code 5432/tcp}
     * @return the time, or empty when the memory never saw the port open
     */
    public Optional<Instant> firstSeen(String key, String port) {
        return host(key).flatMap(h -> h.ports().stream().filter(p -> p.port().equals(port)).findFirst()).map(KnownPort::firstSeen);
    }

    /** Returns the ports the memory holds open now, by host key; for tests and questions. */
    public Map<String, List<String>> openPorts() {
        Map<String, List<String>> open = new TreeMap<>();
        forEachHost(h -> {
            List<String> ports = h.openPorts().stream().map(KnownPort::port).toList();
            if (!ports.isEmpty()) {
                open.put(h.address(), ports);
            }
        });
        return open;
    }

    /** Returns the hosts the memory holds as answering. */
    public List<String> presentHosts() {
        List<String> present = new ArrayList<>();
        forEachHost(h -> {
            if (h.answering()) {
                present.add(h.address());
            }
        });
        return present;
    }

    /** Returns a host's timeline, oldest first. */
    public List<TimelineEvent> events(String key) {
        return store.events(key);
    }

    /** Returns what each scan the memory absorbed told it, oldest first. */
    public List<Night> nights() {
        return store.nights();
    }

    private @Nullable Instant lastComplete() {
        return head().map(MemoryHead::lastCompleteAt).orElse(null);
    }

    /** A record as the questions see it: its last seen that of the last complete scan when nothing was written since. */
    static KnownHost known(HostRecord r, @Nullable Instant lastComplete) {
        // as HostMemory reads a record, without the working copy: the questions read every host
        boolean settled = r.present() && r.watched() && !r.attributes().containsKey("missing");
        List<KnownPort> ports = new ArrayList<>(r.ports().size());
        for (PortRecord p : r.ports()) {
            boolean seen = settled && p.open() && p.watched() && !p.attributes().containsKey("missing");
            ports.add(new KnownPort(p.port(), p.open() && r.present(), p.watched(), p.firstSeen(),
                    seen ? HostMemory.latest(p.lastSeen(), lastComplete) : p.lastSeen(), p.service(), p.version(),
                    Severities.opened(p.port(), p.service())));
        }
        return new KnownHost(r.identity(), r.firstSeen(), settled ? HostMemory.latest(r.lastSeen(), lastComplete) : r.lastSeen(),
                r.present(), r.watched(), ports, r.noise());
    }

    /** Two memories are equal when their stores hold equal heads, hosts and nights. */
    public boolean sameAs(NetworkMemory other) {
        return head().equals(other.head()) && records().equals(other.records()) && nights().equals(other.nights())
                && events().equals(other.events());
    }

    private List<HostRecord> records() {
        List<HostRecord> all = new ArrayList<>();
        store.forEachHost(all::add);
        return all;
    }

    private List<MemoryUpdate.HostEvent> events() {
        List<MemoryUpdate.HostEvent> all = new ArrayList<>();
        store.forEachEvent(all::add);
        return all;
    }

    @Override
    public String toString() {
        return "NetworkMemory[" + store + "]";
    }
}
