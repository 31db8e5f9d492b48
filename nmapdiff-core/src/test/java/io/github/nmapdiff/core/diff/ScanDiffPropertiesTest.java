package io.github.nmapdiff.core.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.nmapdiff.core.internal.NdiffHost;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.render.NdiffText;
import io.github.nmapdiff.core.render.NdiffXml;
import io.github.nmapdiff.core.testing.ScanGenerators;
import io.github.nmapdiff.core.testing.ScanPairs;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class ScanDiffPropertiesTest {

    @Test
    void aScanComparedWithItselfHasNoDifference() {
        qt().withExamples(300).forAll(ScanGenerators.scans()).checkAssert(scan -> {
            ScanDiff diff = ScanDiff.between(scan, scan);

            assertThat(diff.cost(false)).isZero();
            assertThat(diff.changes()).isEmpty();
            assertThat(diff.isEmpty()).isTrue();
            assertThat(NdiffText.of(false, ZoneOffset.UTC).render(diff)).isEmpty();
        });
    }

    @Test
    void swappingTheScansSwapsAddedAndRemoved() {
        qt().withExamples(300).forAll(ScanPairs.pairs()).checkAssert(pair -> {
            List<String> forward = ScanDiff.between(pair.before(), pair.after()).changes().stream().map(c -> key(c, false)).toList();
            List<String> backward = ScanDiff.between(pair.after(), pair.before()).changes().stream().map(c -> key(c, true)).toList();

            assertThat(backward).containsExactlyInAnyOrderElementsOf(forward);
        });
    }

    /** A change as text, with before and after exchanged when {@code swap}, for the kinds where that is the whole story. */
    private static String key(Change c, boolean swap) {
        String host = c.host() == null ? "-" : hostId(c.host());
        if (c instanceof Change.HostAdded || c instanceof Change.HostRemoved) {
            boolean added = c instanceof Change.HostAdded;
            return (added != swap ? "added " : "removed ") + host;
        }
        if (c instanceof Change.PortOpened o) {
            return (swap ? "closed " : "opened ") + host + o.port() + " " + o.before() + " " + o.service();
        }
        if (c instanceof Change.PortClosed o) {
            return (swap ? "opened " : "closed ") + host + o.port() + " " + o.after() + " " + o.service();
        }
        if (c instanceof Change.PortStateChanged s) {
            return "state " + host + s.port() + " " + (swap ? s.after() + ">" + s.before() : s.before() + ">" + s.after());
        }
        if (c instanceof Change.ServiceChanged s) {
            return "service " + host + s.port() + " " + (swap ? s.after() + ">" + s.before() : s.before() + ">" + s.after());
        }
        if (c instanceof Change.ScriptChanged s) {
            return "script " + s.scope() + host + s.port() + s.id() + " "
                    + (swap ? s.after() + ">" + s.before() : s.before() + ">" + s.after());
        }
        if (c instanceof Change.HostStateChanged s) {
            return "host-state " + host + " " + (swap ? s.after() + ">" + s.before() : s.before() + ">" + s.after());
        }
        if (c instanceof Change.ExtraPortsChanged s) {
            return "extra " + host + " " + (swap ? s.after() + ">" + s.before() : s.before() + ">" + s.after());
        }
        if (c instanceof Change.OsChanged s) {
            return "os " + host + " " + (swap ? s.after() + ">" + s.before() : s.before() + ">" + s.after());
        }
        return c.kind() + " " + host;
    }

    /** Matched hosts share their first address and first name, whatever else changed. */
    private static String hostId(HostRef h) {
        return (h.addresses().isEmpty() ? "" : h.addresses().get(0)) + "/" + (h.hostNames().isEmpty() ? "" : h.hostNames().get(0)) + " ";
    }

    @Test
    void theOrderOfHostsInTheFilesDoesNotChangeTheOutput() {
        qt().withExamples(300).forAll(ScanPairs.pairs(), Generate.longRange(0, Long.MAX_VALUE)).checkAssert((pair, seed) -> {
            Scan a = uniqueHosts(pair.before());
            Scan b = uniqueHosts(pair.after());
            Random random = new Random(seed);
            ScanDiff ordered = ScanDiff.between(a, b);
            ScanDiff shuffled = ScanDiff.between(shuffle(a, random), shuffle(b, random));

            for (boolean verbose : new boolean[] {false, true}) {
                assertThat(NdiffText.of(verbose, ZoneOffset.UTC).render(shuffled))
                        .isEqualTo(NdiffText.of(verbose, ZoneOffset.UTC).render(ordered));
                assertThat(NdiffXml.of(verbose, ZoneOffset.UTC).render(shuffled))
                        .isEqualTo(NdiffXml.of(verbose, ZoneOffset.UTC).render(ordered));
            }
            assertThat(shuffled.changes()).isEqualTo(ordered.changes());
        });
    }

    /** Two hosts with the same id in one file are paired in file order, so only unique ids are order-free. */
    private static Scan uniqueHosts(Scan scan) {
        Set<String> seen = new HashSet<>();
        List<Host> unique = new ArrayList<>();
        for (Host h : scan.hosts()) {
            if (seen.add(Objects.toString(NdiffHost.of(h).id()))) {
                unique.add(h);
            }
        }
        return scan.withHosts(unique);
    }

    private static Scan shuffle(Scan scan, Random random) {
        List<Host> hosts = new ArrayList<>(scan.hosts());
        Collections.shuffle(hosts, random);
        return scan.withHosts(hosts);
    }
}
