package io.github.nmapdiff.core.diff;

import io.github.nmapdiff.core.MalformedScanException;
import io.github.nmapdiff.core.ScanIoException;
import io.github.nmapdiff.core.internal.xml.HostIndex;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Compares two nmap XML files of any size, in memory that grows with the hosts that changed
 * rather than with all hosts.
 *
 * <p>Both files are read at once, each on its own thread, by a pass over their bytes (no XML
 * parser) that keeps per host only its id, where it lies in the file and which of its bytes
 * matter to ndiff (all but the elements ndiff ignores that change on every scan). Hosts with
 * the same id are paired, and a pair whose kept bytes are the same, byte for byte, is equal to
 * ndiff and left out; only the other hosts are read in full and compared with
 * {@link ScanDiff#between}. The result renders exactly as the full comparison without
 * {@code -v}: its host lists hold the hosts that changed, and {@link ScanDiff#hostsBefore()} and
 * {@link ScanDiff#hostsAfter()} count them all. For {@code -v}, which shows every host, read the
 * scans whole.
 *
 * <p>Files the fast pass cannot take (gzipped, cut short, broken, hosts with neither address
 * nor name, a host twice), and changed hosts that do not read, are read the usual way, with
 * the usual errors and their lines. A host that is the same in both files is not read in full,
 * so a value in it that the careful reader would refuse (an unknown port state, say) goes
 * unremarked, as it changes nothing.
 */
public final class FileDiff {
    /** How far ahead in the older scan a host of the newer one is looked for before the pairing falls back to a map. */
    private static final int LOOK_AHEAD = 16;

    private FileDiff() {
    }

    /**
     * Compares two files.
     *
     * @param before the older scan, never null
     * @param after the newer scan, never null
     * @return the diff of the hosts that changed, never null
     * @throws MalformedScanException when a file is not well-formed nmap XML
     * @throws ScanIoException when a file cannot be read
     */
    public static ScanDiff between(Path before, Path after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        CompletableFuture<HostIndex> indexA = CompletableFuture.supplyAsync(() -> HostIndex.build(before));
        HostIndex b = HostIndex.build(after);
        HostIndex a = indexA.join(); // build returns null rather than throw
        if (a != null && b != null) {
            ScanDiff fast = changedOnly(a, b, before, after);
            if (fast != null) {
                return fast;
            }
        }
        NmapXmlReader reader = new NmapXmlReader();
        return ScanDiff.between(reader.read(before), reader.read(after));
    }

    /** Hosts paired by id, and the hosts of either file that have no partner. */
    private record Pairing(List<HostIndex.Entry> pairedA, List<HostIndex.Entry> pairedB, List<HostIndex.Entry> onlyA,
            List<HostIndex.Entry> onlyB) {
    }

    /**
     * Pairs the hosts of two files by id (unique in each file). Scans list their hosts in much
     * the same order, so a host of B is first looked for just ahead in A; the few found nowhere
     * near are paired through a map at the end.
     */
    private static Pairing pair(List<HostIndex.Entry> a, List<HostIndex.Entry> b) {
        List<HostIndex.Entry> pairedA = new ArrayList<>(b.size());
        List<HostIndex.Entry> pairedB = new ArrayList<>(b.size());
        List<HostIndex.Entry> restA = new ArrayList<>();
        List<HostIndex.Entry> restB = new ArrayList<>();
        int next = 0; // the first host of A not yet paired or set aside
        for (HostIndex.Entry host : b) {
            int found = -1;
            for (int i = next; i < Math.min(a.size(), next + LOOK_AHEAD) && found < 0; i++) {
                if (a.get(i).key().equals(host.key())) {
                    found = i;
                }
            }
            if (found < 0) {
                restB.add(host);
                continue;
            }
            restA.addAll(a.subList(next, found));
            pairedA.add(a.get(found));
            pairedB.add(host);
            next = found + 1;
        }
        restA.addAll(a.subList(next, a.size()));
        Map<HostIndex.Key, HostIndex.Entry> byId = new HashMap<>(restA.size() * 2);
        for (HostIndex.Entry host : restA) {
            byId.put(host.key(), host);
        }
        List<HostIndex.Entry> onlyB = new ArrayList<>();
        for (HostIndex.Entry host : restB) {
            HostIndex.Entry partner = byId.remove(host.key());
            if (partner == null) {
                onlyB.add(host);
            } else {
                pairedA.add(partner);
                pairedB.add(host);
            }
        }
        List<HostIndex.Entry> onlyA = new ArrayList<>(restA);
        onlyA.removeIf(host -> !byId.containsKey(host.key()));
        return new Pairing(pairedA, pairedB, onlyA, onlyB);
    }

    /** Returns the indexes in {@code [from, to)} of the pairs whose bytes differ. */
    private static List<Integer> differing(HostIndex a, HostIndex b, Pairing pairing, int from, int to) {
        List<Integer> differ = new ArrayList<>();
        try (HostIndex.Bytes x = a.bytes(); HostIndex.Bytes y = b.bytes()) {
            for (int i = from; i < to; i++) {
                if (!HostIndex.same(x, pairing.pairedA.get(i), y, pairing.pairedB.get(i))) {
                    differ.add(i);
                }
            }
        } catch (IOException e) {
            throw new ScanIoException("cannot read the scans again to compare them: " + e.getMessage(), e);
        }
        return differ;
    }

    /** The scan with only the chosen hosts, read in full. */
    private static Scan read(HostIndex index, List<HostIndex.Entry> chosen, Path file) {
        try {
            return new NmapXmlReader().read(new ByteArrayInputStream(index.document(chosen)), file.toString());
        } catch (IOException e) {
            throw new ScanIoException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static @Nullable ScanDiff changedOnly(HostIndex a, HostIndex b, Path before, Path after) {
        Pairing pairing = pair(a.hosts(), b.hosts());
        int pairs = pairing.pairedA.size();
        // two threads compare the pairs, each half of them; each reads its half of the files once
        CompletableFuture<List<Integer>> firstHalf = CompletableFuture.supplyAsync(() -> differing(a, b, pairing, 0, pairs / 2));
        List<Integer> differ = new ArrayList<>(differing(a, b, pairing, pairs / 2, pairs));
        differ.addAll(0, join(firstHalf));
        List<HostIndex.Entry> changedA = new ArrayList<>(pairing.onlyA);
        List<HostIndex.Entry> changedB = new ArrayList<>(pairing.onlyB);
        for (int i : differ) {
            changedA.add(pairing.pairedA.get(i));
            changedB.add(pairing.pairedB.get(i));
        }
        Comparator<HostIndex.Entry> inFileOrder = Comparator.comparingLong(HostIndex.Entry::start);
        changedA.sort(inFileOrder);
        changedB.sort(inFileOrder);
        CompletableFuture<Scan> scanA = CompletableFuture.supplyAsync(() -> read(a, changedA, before));
        try {
            Scan scanB = read(b, changedB, after);
            return ScanDiff.between(join(scanA), scanB).withHostCounts(a.hosts().size(), b.hosts().size());
        } catch (MalformedScanException e) {
            // the lines of a document made of fragments are not the file's: let the careful
            // reading of the whole files say where the problem is
            return null;
        }
    }

    /** Waits for a result, and lets what it threw go on as thrown. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
