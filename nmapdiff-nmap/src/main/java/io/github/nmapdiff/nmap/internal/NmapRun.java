package io.github.nmapdiff.nmap.internal;

import io.github.nmapdiff.core.MalformedScanException;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.spi.ScanListener;
import io.github.nmapdiff.core.spi.ScanProgress;
import io.github.nmapdiff.core.spi.ScanRequest;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.ScanResult.Outcome;
import io.github.nmapdiff.core.spi.ScanRun;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import io.github.nmapdiff.nmap.NmapFailedException;
import io.github.nmapdiff.nmap.NmapNotFoundException;
import io.github.nmapdiff.nmap.NmapOptions;
import io.github.nmapdiff.nmap.NmapPrivilegeException;
import io.github.nmapdiff.nmap.ProcessLauncher;
import io.github.nmapdiff.nmap.TargetResolutionException;
import io.github.nmapdiff.core.ScanIoException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One nmap process: started, watched, stopped if need be, and turned into a result. */
public final class NmapRun implements ScanRun {
    private static final Logger LOG = LoggerFactory.getLogger(NmapRun.class);
    private static final Pattern UNRESOLVED = Pattern.compile("^Failed to resolve \"(.*)\"\\.?$");

    private final List<String> command;
    private final Process process;
    private final Path workDirectory;
    private final Path xmlFile;
    private final Duration gracePeriod;
    private final ScanListener listener;
    private final Tail stderr = new Tail(40);
    private final List<String> unresolved = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Outcome> stopReason = new AtomicReference<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private final Thread watchdog;
    private ScanResult result;
    private RuntimeException failure;

    private NmapRun(List<String> command, Process process, Path workDirectory, Path xmlFile, Duration gracePeriod,
            ScanRequest request) {
        this.command = command;
        this.process = process;
        this.workDirectory = workDirectory;
        this.xmlFile = xmlFile;
        this.gracePeriod = gracePeriod;
        this.listener = request.listener();
        ProgressParser progress = new ProgressParser();
        this.stdoutReader = reader("nmap-stdout-" + process.pid(), process.getInputStream(), line -> {
            notify(() -> listener.output(line));
            ScanProgress p = progress.accept(line);
            if (p != null) {
                notify(() -> listener.progress(p));
            }
        });
        this.stderrReader = reader("nmap-stderr-" + process.pid(), process.getErrorStream(), line -> {
            stderr.add(line);
            Matcher m = UNRESOLVED.matcher(line.strip());
            if (m.matches()) {
                unresolved.add(m.group(1));
            }
        });
        Duration timeout = request.timeout();
        this.watchdog = new Thread(() -> {
            try {
                if (timeout != null && !process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("nmap did not finish within {}; stopping it and keeping the hosts it completed", timeout);
                    stop(Outcome.TIMED_OUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "nmap-watchdog-" + process.pid());
        watchdog.setDaemon(true);
        stdoutReader.start();
        stderrReader.start();
        watchdog.start();
    }

    /** Returns the command line for options and files. */
    public static List<String> command(String executable, NmapOptions options, Path targets, Path xml) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(options.arguments());
        if (options.statsEvery() != null) {
            command.add("--stats-every");
            command.add(options.statsEvery().toMillis() + "ms");
        }
        command.add("-iL");
        command.add(targets.toString());
        command.add("-oX");
        command.add(xml.toString());
        return List.copyOf(command);
    }

    /** Writes the targets, starts nmap and returns the running scan. */
    public static NmapRun start(String executable, NmapOptions options, ProcessLauncher launcher, Duration gracePeriod,
            Path temporaryDirectory, ScanRequest request) {
        Path work;
        try {
            work = temporaryDirectory == null ? Files.createTempDirectory("nmapdiff-scan-")
                    : Files.createTempDirectory(temporaryDirectory, "nmapdiff-scan-");
        } catch (IOException e) {
            throw new ScanIoException("cannot create a temporary folder for the scan: " + e.getMessage(), e);
        }
        Path targets = work.resolve("targets.txt");
        Path xml = work.resolve("scan.xml");
        List<String> command = command(executable, options, targets, xml);
        Process process;
        try {
            Files.write(targets, request.targets(), StandardCharsets.UTF_8);
            LOG.info("running {}", String.join(" ", command));
            process = launcher.start(command);
            process.getOutputStream().close();
        } catch (IOException e) {
            deleteQuietly(work);
            if (String.valueOf(e.getMessage()).startsWith("Cannot run program")) {
                throw new NmapNotFoundException(executable, e);
            }
            throw new ScanIoException("cannot start nmap: " + e.getMessage(), e);
        }
        return new NmapRun(command, process, work, xml, gracePeriod, request);
    }

    private Thread reader(String name, InputStream in, Consumer<String> onLine) {
        Thread t = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // the process ended or was killed; what was read is kept
                LOG.debug("reading nmap's output ended: {}", e.toString());
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("a scan listener failed; the scan goes on", e);
        }
    }

    @Override
    public void cancel() {
        stop(Outcome.CANCELLED);
    }

    @Override
    public boolean isDone() {
        return !process.isAlive();
    }

    /** SIGINT first, as a user at the terminal would, so that nmap ends cleanly; then SIGKILL. */
    private void stop(Outcome reason) {
        if (!process.isAlive() || !stopReason.compareAndSet(null, reason)) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
            kill.getOutputStream().close();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                process.destroy();
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return;
        }
        try {
            if (!process.waitFor(gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("nmap did not stop within {} of SIGINT; killing it", gracePeriod);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public synchronized ScanResult await() {
        if (result != null) {
            return result;
        }
        if (failure != null) {
            throw failure;
        }
        boolean interrupted = false;
        while (true) {
            try {
                process.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                stop(Outcome.CANCELLED);
            }
        }
        try {
            stdoutReader.join();
            stderrReader.join();
            result = finish(process.exitValue());
            return result;
        } catch (InterruptedException e) {
            interrupted = true;
            failure = new NmapFailedException("interrupted while reading nmap's output", command, -1, stderr.toString());
            throw failure;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            deleteQuietly(workDirectory);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ScanResult finish(int exitCode) {
        Outcome outcome = stopReason.get() == null ? Outcome.COMPLETED : stopReason.get();
        String tail = stderr.toString();
        if (outcome == Outcome.COMPLETED && exitCode != 0) {
            if (tail.contains("requires root privileges")) {
                throw new NmapPrivilegeException(command, exitCode, tail);
            }
            throw new NmapFailedException("nmap failed", command, exitCode, tail);
        }
        byte[] xml;
        try {
            xml = Files.exists(xmlFile) ? Files.readAllBytes(xmlFile) : new byte[0];
        } catch (IOException e) {
            throw new ScanIoException("cannot read nmap's XML output " + xmlFile + ": " + e.getMessage(), e);
        }
        Scan scan;
        try {
            scan = new NmapXmlReader().read(new ByteArrayInputStream(xml), "nmap's XML output");
        } catch (MalformedScanException e) {
            if (outcome == Outcome.COMPLETED) {
                throw new NmapFailedException("nmap's XML output cannot be read: " + e.getMessage(), command, exitCode, tail);
            }
            // stopped before nmap wrote its first element: nothing was found, and that is the result
            scan = new Scan("nmap", String.join(" ", command), null, null, null, null, List.of(), 0, 0, List.of(), List.of(),
                    List.of(), null, false);
        }
        if (outcome != Outcome.COMPLETED) {
            scan = scan.asIncomplete();
        }
        List<String> warnings = new ArrayList<>();
        synchronized (unresolved) {
            if (!unresolved.isEmpty() && scan.hosts().isEmpty() && outcome == Outcome.COMPLETED) {
                throw new TargetResolutionException(unresolved);
            }
            unresolved.forEach(name -> warnings.add("target did not resolve: " + name));
        }
        warnings.forEach(w -> LOG.warn("{}", w));
        return new ScanResult(scan, xml, command, outcome, warnings);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot delete the temporary folder {}: {}", dir, e.toString());
        }
    }
}
