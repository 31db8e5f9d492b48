package io.github.nmapdiff.nmap.internal;

import io.github.nmapdiff.core.MalformedScanException;
import io.github.nmapdiff.core.ScanIoException;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.spi.ScanListener;
import io.github.nmapdiff.core.spi.ScanProgress;
import io.github.nmapdiff.core.spi.ScanRequest;
import io.github.nmapdiff.core.spi.ScanResult.Outcome;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.ScanRun;
import io.github.nmapdiff.core.support.AtomicFiles;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import io.github.nmapdiff.core.xml.ScanSummary;
import io.github.nmapdiff.nmap.NmapFailedException;
import io.github.nmapdiff.nmap.NmapNotFoundException;
import io.github.nmapdiff.nmap.NmapOptions;
import io.github.nmapdiff.nmap.NmapPrivilegeException;
import io.github.nmapdiff.nmap.ProcessLauncher;
import io.github.nmapdiff.nmap.TargetResolutionException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/** One nmap process: started, watched, stopped if need be, and turned into a result. */
public final class NmapRun implements ScanRun {
    private static final Logger LOG = LoggerFactory.getLogger(NmapRun.class);
    private static final Pattern UNRESOLVED = Pattern.compile("^Failed to resolve \"(.*)\"\\.?$");
    /** nmap's warnings that a user should see: a netmask it changed, an option it ignored. */
    private static final Pattern NMAP_WARNING = Pattern.compile("^(?:WARNING: |Illegal netmask|Warning: ).*");
    /** The program that starts nmap in a process group of its own (util-linux, on every Debian). */
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    /** The file in a scan's folder that names its nmap process, for the run that finds it after a kill. */
    public static final String PID_FILE = "nmap.pid";
    /** The scan's folder name prefix under the temporary folder. */
    public static final String FOLDER_PREFIX = "nmapdiff-scan-";
    /** How long the output readers may take after nmap ended before its process group is killed. */
    private static final Duration READER_GRACE = Duration.ofSeconds(5);

    private final List<String> command;
    private final Process process;
    private final Path workDirectory;
    private final Path xmlFile;
    private final Duration gracePeriod;
    private final ScanListener listener;
    private final Tail stderr = new Tail(40);
    private final List<String> unresolved = Collections.synchronizedList(new ArrayList<>());
    private final List<String> nmapWarnings = Collections.synchronizedList(new ArrayList<>());
    private final boolean ownGroup;
    private final AtomicReference<Outcome> stopReason = new AtomicReference<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private final Thread watchdog;
    private @Nullable ScanResult result;
    private @Nullable RuntimeException failure;
    /**
     * Whether the result's XML stays in its file until it is kept: with a temporary folder of the
     * caller's (the snapshot folder's), where the next run finds what a killed one left; in the
     * system's temporary folder the bytes are read and the folder removed at once.
     */
    private final boolean keepFile;

    private NmapRun(List<String> command, Process process, boolean ownGroup, Path workDirectory, Path xmlFile,
            Duration gracePeriod, ScanRequest request, boolean keepFile) {
        this.keepFile = keepFile;
        this.command = command;
        this.ownGroup = ownGroup;
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
            } else if (NMAP_WARNING.matcher(line.strip()).matches() && nmapWarnings.size() < 20
                    && !nmapWarnings.contains(line.strip())) {
                nmapWarnings.add(line.strip());
            }
        });
        Duration timeout = request.timeout();
        this.watchdog = new Thread(() -> {
            try {
                if (timeout != null && !process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("nmap did not finish within {}; stopping it and keeping the hosts it completed",
                            human(timeout));
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

    private static void ownersOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    /** Writes the targets, starts nmap and returns the running scan. */
    public static NmapRun start(String executable, NmapOptions options, ProcessLauncher launcher, Duration gracePeriod,
            @Nullable Path temporaryDirectory, ScanRequest request) {
        Path work;
        try {
            if (temporaryDirectory != null) {
                AtomicFiles.createFolder(temporaryDirectory, AtomicFiles.Access.OWNER);
            }
            work = temporaryDirectory == null ? Files.createTempDirectory(FOLDER_PREFIX)
                    : Files.createTempDirectory(temporaryDirectory, FOLDER_PREFIX);
        } catch (IOException e) {
            throw new ScanIoException("cannot create a temporary folder for the scan: " + AtomicFiles.describe(e), e);
        }
        Path targets = work.resolve("targets.txt");
        Path xml = work.resolve("scan.xml");
        List<String> command = command(executable, options, targets, xml);
        Process process;
        boolean ownGroup = Files.isExecutable(SETSID);
        try {
            requireProgram(executable);
            // the owner's only, as the folder is: nmap writes its XML into the file made here, keeping its mode
            ownersOnly(targets);
            ownersOnly(xml);
            Files.write(targets, request.targets(), StandardCharsets.UTF_8);
            LOG.info("running {}", String.join(" ", command));
            // a process group of its own: stopping the scan stops nmap and anything a wrapper
            // script started, and a Ctrl-C at the terminal reaches nmapdiff, which stops nmap itself
            List<String> launched = new ArrayList<>();
            if (ownGroup) {
                launched.add(SETSID.toString());
                launched.add("-w");
            }
            launched.addAll(command);
            process = launcher.start(launched);
            process.getOutputStream().close();
            writePidFile(work, process);
        } catch (IOException e) {
            deleteQuietly(work);
            if (String.valueOf(e.getMessage()).startsWith("Cannot run program")) {
                throw new NmapNotFoundException(executable, e);
            }
            throw new ScanIoException("cannot start nmap: " + AtomicFiles.describe(e), e);
        } catch (RuntimeException e) {
            deleteQuietly(work);
            throw e;
        }
        return new NmapRun(command, process, ownGroup, work, xml, gracePeriod, request, temporaryDirectory != null);
    }

    /** nmap is looked up before it is started, as setsid would only say later that it failed to run it. */
    private static void requireProgram(String executable) {
        if (executable.contains("/")) {
            if (!Files.isExecutable(Path.of(executable))) {
                throw new NmapNotFoundException(executable, null);
            }
            return;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return;
            }
        }
        throw new NmapNotFoundException(executable, null);
    }

    /** Names the nmap process, with its start time (a pid alone may be reused), for the run that finds the folder after a kill. */
    private static void writePidFile(Path work, Process process) {
        String start = process.info().startInstant().map(Object::toString).orElse("");
        try {
            Files.writeString(work.resolve(PID_FILE), process.pid() + " " + start + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("cannot write {} in {}: {}", PID_FILE, work, e.toString());
        }
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
        terminate(process.toHandle(), ownGroup, gracePeriod);
    }

    /** Kills nmap, its process group and whatever it started. */
    private void kill() {
        kill(process.toHandle(), ownGroup);
    }

    /**
     * Stops nmap as a user at the terminal would, so that it ends cleanly and keeps its output:
     * SIGINT to it (to its process group when it has one), then SIGKILL after the grace period.
     * Used for the scan under way and for one a killed run left running.
     */
    public static void terminate(ProcessHandle nmap, boolean group, Duration grace) {
        if (!signal("INT", nmap.pid(), group)) {
            nmap.destroy();
        }
        try {
            nmap.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("nmap (process {}) did not stop within {} of SIGINT; killing it", nmap.pid(), human(grace));
            kill(nmap, group);
        } catch (ExecutionException e) {
            kill(nmap, group);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(nmap, group);
        }
    }

    private static void kill(ProcessHandle nmap, boolean group) {
        nmap.descendants().forEach(ProcessHandle::destroyForcibly);
        signal("KILL", nmap.pid(), group);
        nmap.destroyForcibly();
    }

    /**
     * Sends a signal with the {@code kill} program, to the process group when nmap has one.
     *
     * @return whether the signal was sent
     */
    public static boolean signal(String name, long pid, boolean group) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, "--", (group ? "-" : "") + pid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.getOutputStream().close();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
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
            joinReaders();
            result = finish(process.exitValue());
            return result;
        } catch (InterruptedException e) {
            interrupted = true;
            failure = new NmapFailedException("interrupted while reading nmap's output", command, -1, stderr.toString());
            throw failure;
        } catch (RuntimeException e) {
            failure = e;
            deleteQuietly(workDirectory);
            throw e;
        } finally {
            if (result != null && result.xmlFile().isEmpty()) {
                deleteQuietly(workDirectory); // nothing in it is needed any more
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits for the output readers; a program that nmap or a wrapper left running can hold the
     * pipes open after nmap ended, and is killed with the process group then.
     */
    private void joinReaders() throws InterruptedException {
        stdoutReader.join(READER_GRACE.toMillis());
        stderrReader.join(READER_GRACE.toMillis());
        if (stdoutReader.isAlive() || stderrReader.isAlive()) {
            LOG.warn("nmap ended but something it started still holds its output; stopping its process group");
            kill();
            closeQuietly(process.getInputStream());
            closeQuietly(process.getErrorStream());
            stdoutReader.join(READER_GRACE.toMillis());
            stderrReader.join(READER_GRACE.toMillis());
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing to unblock a reader: nothing to do
        }
    }

    private ScanResult finish(int exitCode) {
        Outcome outcome = stopReason.get() == null ? Outcome.COMPLETED : stopReason.get();
        String tail = stderr.toString();
        List<String> warnings = new ArrayList<>(nmapWarnings);
        if (outcome == Outcome.COMPLETED && exitCode > 128 && exitCode < 160) {
            // stopped from outside (Ctrl-C at a terminal, kill): the hosts it finished are kept
            outcome = Outcome.CANCELLED;
            warnings.add("nmap was stopped from outside nmapdiff (exit code " + exitCode + ", signal " + (exitCode - 128)
                    + "); the hosts it finished are kept");
        }
        if (outcome == Outcome.COMPLETED && exitCode != 0) {
            if (tail.contains("requires root privileges")) {
                throw new NmapPrivilegeException(command, exitCode, tail);
            }
            throw new NmapFailedException("nmap failed", command, exitCode, tail);
        }
        // what the scan is, without reading its hosts: a large scan is read host by host later, and only where it changed;
        // its XML stays in the file until the monitor has kept it
        ScanSummary summary;
        try {
            if (!Files.exists(xmlFile) || Files.size(xmlFile) == 0) {
                throw new MalformedScanException(xmlFile.toString(), 0, 0, "nmap wrote nothing", null);
            }
            summary = new NmapXmlReader().summarize(xmlFile);
        } catch (IOException e) {
            throw new ScanIoException("cannot read nmap's XML output " + xmlFile + ": " + e.getMessage(), e);
        } catch (MalformedScanException e) {
            if (outcome == Outcome.COMPLETED) {
                throw new NmapFailedException("nmap's XML output cannot be read: " + e.getMessage(), command, exitCode, tail);
            }
            // stopped before nmap wrote its first element: nothing was found, and that is the result
            Scan nothing = new Scan("nmap", String.join(" ", command), null, null, null, null, List.of(), 0, 0, List.of(), List.of(),
                    List.of(), null, false);
            return ScanResult.builder(nothing, new byte[0]).commandLine(command).outcome(outcome).warnings(warnings).build();
        }
        if (outcome != Outcome.COMPLETED) {
            summary = ScanSummary.of(summary.header().asIncomplete(), summary.hosts());
        } else if (!summary.complete()) {
            String full = fullDisk(tail);
            if (full != null) {
                warnings.add(full);
            }
        }
        synchronized (unresolved) {
            if (!unresolved.isEmpty() && summary.hosts() == 0 && outcome == Outcome.COMPLETED) {
                throw new TargetResolutionException(unresolved.stream().distinct().toList());
            }
            // nmap says so once per attempt: one warning per name
            unresolved.stream().distinct().forEach(name -> warnings.add("target did not resolve: " + name));
        }
        if (!keepFile) {
            try {
                return ScanResult.builder(Files.readAllBytes(xmlFile), summary).commandLine(command).outcome(outcome).warnings(warnings)
                        .build();
            } catch (IOException e) {
                throw new ScanIoException("cannot read nmap's XML output " + xmlFile + ": " + e.getMessage(), e);
            }
        }
        finished(outcome, warnings);
        return ScanResult.builder(xmlFile, summary).commandLine(command).outcome(outcome).warnings(warnings).build();
    }

    /** The name of the file that says the scan of a folder ended, how, and with what warnings: its result waits to be kept. */
    public static final String FINISHED_FILE = "finished";

    /**
     * Says, in the scan's folder, that its scan ended: a run killed before it kept the result
     * leaves it for the next run's {@code recover()}, with how it ended.
     */
    private void finished(Outcome outcome, List<String> warnings) {
        List<String> lines = new ArrayList<>();
        lines.add(outcome.name());
        lines.addAll(warnings);
        try {
            Files.write(workDirectory.resolve(FINISHED_FILE), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("cannot write {} in {}: {}", FINISHED_FILE, workDirectory, e.toString());
        }
    }

    /** The result is kept: its folder goes. */
    @Override
    public void kept() {
        deleteQuietly(workDirectory);
    }

    /** Says that nmap's output was cut because the disk of the temporary folder is full; null when it is not. */
    private @Nullable String fullDisk(String tail) {
        long free = -1;
        try {
            free = Files.getFileStore(workDirectory).getUsableSpace();
        } catch (IOException e) {
            // unknown: go by nmap's own words
        }
        if (tail.contains("No space left") || free == 0) {
            return "the disk of the temporary folder " + workDirectory.getParent() + " is full: nmap could not write"
                    + " its whole output, and only the hosts it wrote are kept; free some space there";
        }
        return null;
    }

    /** Deletes a scan's folder and what it holds. */
    public static void deleteQuietly(Path dir) {
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
