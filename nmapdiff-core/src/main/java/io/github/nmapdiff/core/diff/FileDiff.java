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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Compares two nmap XML files of any size, in memory that grows with the hosts that changed
 * rather than with all hosts.
 *
 * <p>Both files are read at once, each on its own thread, by a pass over their bytes (no XML
 * parser) that keeps per host only its id, a SHA-256 fingerprint of its bytes less those ndiff
 * ignores, and where it lies in the file.
 * Hosts with equal fingerprints are equal to ndiff and are left out; only the others are read
 * in full and compared with {@link ScanDiff#between}. The result renders exactly as the full
 * comparison without {@code -v}: its host lists hold the hosts that changed, and
 * {@link ScanDiff#hostsBefore()} and {@link ScanDiff#hostsAfter()} count them all. For
 * {@code -v}, which shows every host, read the scans whole.
 *
 * <p>Files the fast pass cannot take (gzipped, cut short, broken, hosts with neither address
 * nor name, a host twice), and changed hosts that do not read, are read the usual way, with
 * the usual errors and their lines. A host that is the same in both files is not read in full,
 * so a value in it that the careful reader would refuse (an unknown port state, say) goes
 * unremarked, as it changes nothing.
 */
public final class FileDiff {
    private static final HostIndex.Entry SEEN_IN_B = new HostIndex.Entry("", 0, 0, -1, -1);

    private FileDiff() {
    }

    /**
     * Compares two files.
     *
     * @param before the older scan, never null
     * @param after the newer scan, never null
     * @return the diff of the hosts that changed, never null
     * @throws io.github.nmapdiff.core.MalformedScanException when a file is not well-formed nmap XML
     * @throws ScanIoException when a file cannot be read
     */
    public static ScanDiff between(Path before, Path after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        CompletableFuture<HostIndex> indexA = CompletableFuture.supplyAsync(() -> HostIndex.build(before));
        // the XML binding takes a while to set up; let it while the files are read
        CompletableFuture<Void> binding = CompletableFuture.runAsync(NmapXmlReader::prepare);
        HostIndex b = HostIndex.build(after);
        HostIndex a;
        try {
            a = indexA.join();
        } catch (CompletionException e) {
            a = null;
        }
        if (a != null && b != null) {
            ScanDiff fast = changedOnly(a, b, before, after);
            if (fast != null) {
                return fast;
            }
        }
        NmapXmlReader reader = new NmapXmlReader();
        return ScanDiff.between(reader.read(before), reader.read(after));
    }

    /** The scan with only the chosen hosts, read in full. */
    private static Scan read(HostIndex index, List<HostIndex.Entry> chosen, Path file) {
        try {
            return new NmapXmlReader().read(new ByteArrayInputStream(index.document(chosen)), file.toString());
        } catch (IOException e) {
            throw new ScanIoException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static ScanDiff changedOnly(HostIndex a, HostIndex b, Path before, Path after) {
        // one map: an id of A maps to its entry until B matches it; then, like an id only B
        // has, to a marker, so that an id twice on either side is seen
        Map<String, HostIndex.Entry> byId = new HashMap<>(a.hosts().size() * 2);
        for (HostIndex.Entry e : a.hosts()) {
            if (byId.put(e.id(), e) != null) {
                return null; // a host twice: ndiff pairs them in file order; the full comparison does too
            }
        }
        List<HostIndex.Entry> changedB = new ArrayList<>();
        List<HostIndex.Entry> changedA = new ArrayList<>();
        for (HostIndex.Entry e : b.hosts()) {
            HostIndex.Entry old = byId.put(e.id(), SEEN_IN_B);
            if (old == SEEN_IN_B) {
                return null;
            }
            if (old == null) {
                changedB.add(e);
            } else if (!old.sameAs(e)) {
                changedB.add(e);
                changedA.add(old);
            }
        }
        for (HostIndex.Entry e : a.hosts()) {
            if (byId.get(e.id()) == e) {
                changedA.add(e); // not in B: removed
            }
        }
        changedA.sort(java.util.Comparator.comparingLong(HostIndex.Entry::start));
        CompletableFuture<Scan> scanA = CompletableFuture.supplyAsync(() -> read(a, changedA, before));
        try {
            Scan scanB = read(b, changedB, after);
            return ScanDiff.between(scanA.join(), scanB).withHostCounts(a.hosts().size(), b.hosts().size());
        } catch (MalformedScanException | CompletionException e) {
            // the lines of a document made of fragments are not the file's: let the careful
            // reading of the whole files say where the problem is
            return null;
        }
    }
}
