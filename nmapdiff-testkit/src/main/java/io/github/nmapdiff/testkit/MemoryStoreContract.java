package io.github.nmapdiff.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.HostIdentity;
import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.model.Severity;
import io.github.nmapdiff.core.model.TimelineEvent;
import io.github.nmapdiff.core.spi.HostRecord;
import io.github.nmapdiff.core.spi.HostSummary;
import io.github.nmapdiff.core.spi.MemoryHead;
import io.github.nmapdiff.core.spi.MemoryStore;
import io.github.nmapdiff.core.spi.MemoryUpdate;
import io.github.nmapdiff.core.spi.PortRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MemoryStore} must do: keep what the memory tells it, every field of it, and
 * give it back equal; commit a night whole; forget everything when told. Subclass it in the
 * store's tests: {@link #newMemoryStore()} returns a store with nothing in it, and
 * {@link #reopen(MemoryStore)} the same storage opened again, as the next run opens it. It runs
 * on JUnit 5.
 *
 * <pre>{@code
 * class MyMemoryStoreContractTest extends MemoryStoreContract {
 *     protected MemoryStore newMemoryStore() { return MyStore.createEmpty().memory().orElseThrow(); }
 * }
 * }</pre>
 */
public abstract class MemoryStoreContract {
    /** When the first sample night was; the others follow a day apart. */
    protected static final Instant NIGHT_1 = Instant.parse("2026-11-01T02:00:00Z");

    /** Creates the contract. */
    protected MemoryStoreContract() {
    }

    /**
     * Returns a new store with no memory in it.
     *
     * @return the store, never null
     */
    protected abstract MemoryStore newMemoryStore();

    /**
     * Returns the storage of a store opened again, as the next run opens it; the store itself by
     * default, which is right for a store that keeps nothing beyond the process.
     *
     * @param store a store {@link #newMemoryStore()} made
     * @return the store opened again, never null
     */
    protected MemoryStore reopen(MemoryStore store) {
        return store;
    }

    private static Instant night(int n) {
        return NIGHT_1.plus(Duration.ofDays(n - 1));
    }

    /** A host record with something in every field, and characters a careless encoding loses. */
    protected static HostRecord fullRecord(String key, int night) {
        PortRecord ssh = PortRecord.builder("22/tcp").open(true).watched(true).seen(night(1), night(night))
                .service("ssh", "OpenSSH 9.2p1 Debian 2+deb12u3").scripts(Map.of("ssh-hostkey", "a1b2:c3d4"))
                .attributes(Map.of("missing", "1", "missing-since", night(night).toString())).build();
        PortRecord snmp = PortRecord.builder("161/udp").open(false).watched(false).seen(night(1), night(1)).service(null, null).build();
        return HostRecord.builder(key).identity("192.0.2.10", "00:11:22:33:44:55", "db\t3.example.com\nforged line \u202e")
                .seen(night(1), night(night)).present(true).watched(true)
                .observation("192.0.2.10                              db3.example.com", "00ff00ff00ff00ff00ff00ff00ff00ff")
                .scripts(Map.of("smb-os-discovery", "e5f6:0708")).noise(Map.of(HeldBack.Reason.NAME_CHANGED, 2, HeldBack.Reason.RETURNED, 1))
                .attributes(Map.of("pending-name", "", "name-misses", "1", "names", "a\u001fb")).ports(List.of(ssh, snmp)).build();
    }

    /** A night with one finding of each shape: a port (with every field), a host. */
    protected static Night fullNight(int n) {
        HostIdentity host = HostIdentity.of("192.0.2.10", "192.0.2.10", "db3.example.com", "00:11:22:33:44:55");
        Finding opened = Finding.newPort(host, "5432/tcp", "postgresql", "PostgreSQL DB 15.4", Severity.HIGH, night(n), night(n));
        Finding ended = Finding.expectationEnded(host, "3389/tcp", "ms-wbt-server", LocalDate.of(2026, 11, 30),
                "vendor access, ticket 4711", Severity.CRITICAL, night(1), night(n));
        Finding gone = Finding.hostGone(HostIdentity.of("192.0.2.11", "192.0.2.11", null, null), night(1), night(n - 1));
        return Night.of("snap-" + n, night(n), true, false, List.of(ended, opened, gone),
                HeldBack.of(Map.of(HeldBack.Reason.PORT_NOT_OPEN, 3, HeldBack.Reason.RULE, 1)));
    }

    /** A night's update: these hosts, an event for each, the night. */
    protected static MemoryUpdate update(int n, List<HostRecord> hosts, List<String> removed) {
        MemoryHead head = MemoryHead.of(MemoryHead.VERSION, Scope.of(List.of("192.0.2.0/24"), List.of("-sV", "-Pn")), "snap-" + n,
                night(n), n % 2 == 0 ? night(n) : null, n, Map.of("probed.tcp", "1-1000,1433"));
        List<MemoryUpdate.HostEvent> events = new ArrayList<>();
        for (HostRecord h : hosts) {
            events.add(new MemoryUpdate.HostEvent(h.key(), TimelineEvent.of(night(n), Finding.Kind.NEW_PORT, "22/tcp", "ssh", null,
                    "OpenSSH 9.2p1")));
        }
        return MemoryUpdate.of(head, hosts, removed, events, fullNight(n), null);
    }

    @Test
    void anEmptyStoreHasNoMemory() {
        MemoryStore store = newMemoryStore();

        assertThat(store.head()).isEmpty();
        assertThat(store.summaries()).isEmpty();
        assertThat(store.nights()).isEmpty();
        assertThat(store.hosts(List.of("192.0.2.10"))).isEmpty();
        assertThat(store.events("192.0.2.10")).isEmpty();
    }

    @Test
    void everyFieldOfWhatIsCommittedReadsBackEqual() {
        MemoryStore store = newMemoryStore();
        HostRecord record = fullRecord("192.0.2.10", 2);
        MemoryUpdate update = update(2, List.of(record), List.of());

        store.commit(update);
        MemoryStore again = reopen(store);

        assertThat(again.head()).contains(update.head());
        assertThat(again.hosts(List.of("192.0.2.10", "192.0.2.99"))).containsExactly(Map.entry("192.0.2.10", record));
        assertThat(again.summaries()).containsExactly(record.summary());
        List<HostRecord> all = new ArrayList<>();
        again.forEachHost(all::add);
        assertThat(all).containsExactly(record);
        assertThat(again.events("192.0.2.10")).containsExactlyElementsOf(update.events().stream().map(MemoryUpdate.HostEvent::event)
                .toList());
        assertThat(again.nights()).containsExactly(update.night());
    }

    @Test
    void aNightReplacesTheRecordsItChangedWholeAndAddsItsEventsAndItsNight() {
        MemoryStore store = newMemoryStore();
        store.commit(update(1, List.of(fullRecord("192.0.2.10", 1), fullRecord("192.0.2.11", 1)), List.of()));
        HostRecord changed = fullRecord("192.0.2.10", 2).toBuilder().present(false).ports(List.of()).attributes(Map.of()).build();

        store.commit(update(2, List.of(changed), List.of("192.0.2.11")));
        MemoryStore again = reopen(store);

        assertThat(again.hosts(List.of("192.0.2.10", "192.0.2.11"))).containsExactly(Map.entry("192.0.2.10", changed));
        assertThat(again.summaries()).extracting(HostSummary::key).containsExactly("192.0.2.10");
        assertThat(again.head().orElseThrow().sequence()).isEqualTo(2);
        assertThat(again.events("192.0.2.10")).extracting(TimelineEvent::when).containsExactly(night(1), night(2));
        List<MemoryUpdate.HostEvent> events = new ArrayList<>();
        again.forEachEvent(events::add);
        assertThat(events).extracting(e -> e.event().when()).isSorted();
        assertThat(again.nights()).extracting(Night::snapshotId).containsExactly("snap-1", "snap-2");
    }

    @Test
    void manyNightsOfManyHostsReadBackAsCommitted() {
        MemoryStore store = newMemoryStore();
        List<HostRecord> last = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            List<HostRecord> night = new ArrayList<>();
            for (int h = 0; h < 200; h++) {
                if (n == 1 || (h + n) % 7 == 0) {
                    night.add(fullRecord("192.0.2." + h + "-" + String.format("%03d", h), n));
                }
            }
            store.commit(update(n, night, List.of()));
        }
        MemoryStore again = reopen(store);
        again.forEachHost(last::add);

        assertThat(last).hasSize(200);
        assertThat(last).extracting(HostRecord::key).isSorted();
        assertThat(again.nights()).hasSize(30);
        assertThat(again.head().orElseThrow().through()).isEqualTo("snap-30");
        for (HostRecord r : last) {
            int h = Integer.parseInt(r.key().substring(r.key().indexOf('-') + 1));
            int lastNight = 1;
            for (int n = 2; n <= 30; n++) {
                if ((h + n) % 7 == 0) {
                    lastNight = n;
                }
            }
            assertThat(r).isEqualTo(fullRecord(r.key(), lastNight));
        }
    }

    @Test
    void clearingForgetsEverything() {
        MemoryStore store = newMemoryStore();
        store.commit(update(1, List.of(fullRecord("192.0.2.10", 1)), List.of()));

        store.clear();
        MemoryStore again = reopen(store);

        assertThat(again.head()).isEmpty();
        assertThat(again.summaries()).isEmpty();
        assertThat(again.nights()).isEmpty();
        again.commit(update(3, List.of(fullRecord("192.0.2.12", 3)), List.of()));
        assertThat(reopen(again).summaries()).extracting(HostSummary::key).containsExactly("192.0.2.12");
    }
}
