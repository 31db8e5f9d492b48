package io.github.nmapdiff.core.support;

import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.run.Monitor;
import io.github.nmapdiff.core.spi.RecoveredScan;
import io.github.nmapdiff.core.spi.ScanEngine;
import io.github.nmapdiff.core.spi.ScanRequest;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.ScanRun;
import io.github.nmapdiff.core.xml.NmapXmlWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link ScanEngine} that plays back scans written down beforehand, one per scan, in order:
 * for tests of a {@link Monitor} without nmap, or to replay scans
 * that were made elsewhere. It remembers the requests it was given. Thread-safe.
 *
 * <pre>{@code
 * ScriptedScanEngine engine = ScriptedScanEngine.withScope("-sV")
 *         .then(TestScans.scan(day1, true, "192.0.2.10:22"))
 *         .then(TestScans.scan(day2, true, "192.0.2.10:22,5432"));
 * }</pre>
 */
public final class ScriptedScanEngine implements ScanEngine {
    private final List<String> scope;
    private final Deque<Supplier<ScanResult>> script = new ArrayDeque<>();
    private final List<RecoveredScan> recoverable = new ArrayList<>();
    private final List<ScanRequest> requests = new ArrayList<>();

    private ScriptedScanEngine(List<String> scope) {
        this.scope = List.copyOf(scope);
    }

    /**
     * Returns an engine with nothing scripted yet.
     *
     * @param scopeArguments the arguments that decide what its scans cover, as {@link #scope()} returns them
     * @return the engine, never null
     */
    public static ScriptedScanEngine withScope(String... scopeArguments) {
        return new ScriptedScanEngine(List.of(scopeArguments));
    }

    /**
     * Adds a scan to play: complete when the scan is, else cut short as by a time limit. Its XML
     * is the scan as {@link NmapXmlWriter} writes it; an incomplete scan's is cut before its end,
     * as nmap leaves a file it did not finish.
     *
     * @param scan the scan, never null
     * @return this engine
     */
    public ScriptedScanEngine then(Scan scan) {
        Objects.requireNonNull(scan, "scan");
        return then(ScanResult.builder(scan, xml(scan)).commandLine(List.of("scripted"))
                .outcome(scan.complete() ? ScanResult.Outcome.COMPLETED : ScanResult.Outcome.TIMED_OUT).build());
    }

    /**
     * Adds a result to play as it is.
     *
     * @param result the result, never null
     * @return this engine
     */
    public synchronized ScriptedScanEngine then(ScanResult result) {
        Objects.requireNonNull(result, "result");
        script.add(() -> result);
        return this;
    }

    /**
     * Adds a scan that fails.
     *
     * @param failure what the scan throws, never null
     * @return this engine
     */
    public synchronized ScriptedScanEngine thenFail(RuntimeException failure) {
        Objects.requireNonNull(failure, "failure");
        script.add(() -> {
            throw failure;
        });
        return this;
    }

    /**
     * Adds a scan that a killed run left, for the next {@link #recover()} to hand back.
     *
     * @param recovered the scan, never null
     * @return this engine
     */
    public synchronized ScriptedScanEngine leftByAKilledRun(RecoveredScan recovered) {
        recoverable.add(Objects.requireNonNull(recovered, "recovered"));
        return this;
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public List<String> scope() {
        return scope;
    }

    /**
     * Plays the next scripted scan.
     *
     * @throws IllegalStateException when nothing is scripted any more
     */
    @Override
    public synchronized ScanRun start(ScanRequest request) {
        requests.add(Objects.requireNonNull(request, "request"));
        Supplier<ScanResult> next = script.poll();
        if (next == null) {
            throw new IllegalStateException("the scripted engine has no more scans (it played " + (requests.size() - 1) + ")");
        }
        return FinishedScanRun.of(next.get());
    }

    /** A scan's XML: cut before its end when it is incomplete. */
    static byte[] xml(Scan scan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NmapXmlWriter().write(scan, out);
        byte[] bytes = out.toByteArray();
        if (scan.complete()) {
            return bytes;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.substring(0, text.lastIndexOf("</nmaprun>")).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized List<RecoveredScan> recover() {
        List<RecoveredScan> found = List.copyOf(recoverable);
        recoverable.clear();
        return found;
    }

    /** Returns the requests it was given, oldest first. */
    public synchronized List<ScanRequest> requests() {
        return List.copyOf(requests);
    }

    /** Returns how many scripted scans are left. */
    public synchronized int remaining() {
        return script.size();
    }
}
