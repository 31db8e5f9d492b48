package io.github.nmapdiff.nmap;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.spi.RecoveredScan;
import io.github.nmapdiff.core.spi.ScanEngine;
import io.github.nmapdiff.core.spi.ScanRequest;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.ScanRun;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import io.github.nmapdiff.nmap.internal.NmapRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Runs nmap: the {@link ScanEngine} of nmapdiff.
 *
 * <p>nmap runs from an argument list, never through a shell. Targets go to it in a temporary
 * file ({@code -iL}), its XML goes to a temporary file ({@code -oX}) whose bytes the result
 * keeps, and its stdout and stderr are read at the same time (progress from one, the tail of
 * the other for error messages). On a timeout or {@link ScanRun#cancel()}, nmap gets SIGINT,
 * then is killed after a grace period, and the hosts it completed come back as an incomplete
 * scan.
 *
 * <pre>{@code
 * NmapScanner nmap = NmapScanner.builder().options(NmapOptions.defaults()).build();
 * ScanResult result = nmap.scan(ScanRequest.of(List.of("127.0.0.1"))
 *         .withTimeout(Duration.ofMinutes(30))
 *         .withListener(new ScanListener() {
 *             public void progress(ScanProgress p) { System.out.println(p.task() + " " + p.percent() + "%"); }
 *         }));
 * }</pre>
 *
 * Instances are immutable and thread-safe; each scan runs its own nmap process.
 */
public final class NmapScanner implements ScanEngine {
    private static final Logger LOG = LoggerFactory.getLogger(NmapScanner.class);
    private static final Pattern VERSION = Pattern.compile("Nmap version (\\S+)");

    private final String executable;
    private final NmapOptions options;
    private final ProcessLauncher launcher;
    private final Duration gracePeriod;
    private final @Nullable Path temporaryDirectory;

    private NmapScanner(Builder b) {
        this.executable = b.executable;
        this.options = b.options;
        this.launcher = b.launcher;
        this.gracePeriod = b.gracePeriod;
        this.temporaryDirectory = b.temporaryDirectory;
    }

    /** Returns a scanner with the default options and the {@code nmap} on the PATH. */
    public static NmapScanner create() {
        return builder().build();
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return "nmap";
    }

    /** Returns the options this scanner runs nmap with; never null. */
    public NmapOptions options() {
        return options;
    }

    /**
     * Returns nmap's arguments: with the targets, they decide what a scan covers, and a
     * change of them starts a new baseline.
     */
    @Override
    public List<String> scope() {
        return options.arguments();
    }

    /**
     * Returns the command line a scan runs, without the files the runner adds.
     *
     * @return the program and its arguments; never null
     */
    public List<String> command() {
        return NmapRun.command(executable, options, Path.of("TARGETS"), Path.of("XML"));
    }

    @Override
    public ScanRun start(ScanRequest request) {
        Objects.requireNonNull(request, "request");
        for (String target : request.targets()) {
            Targets.check(target, "scan request", -1);
        }
        return NmapRun.start(executable, options, launcher, gracePeriod, temporaryDirectory, request);
    }

    /**
     * Finds the folders that killed runs left in the {@linkplain Builder#temporaryDirectory(Path)
     * temporary folder}: stops a leftover nmap (its whole process group) and returns the hosts it
     * had written, then removes the folder. Only with a temporary folder of its own, such as one
     * inside the snapshot folder, which one run at a time uses: the system's temporary folder is
     * shared with other runs and is never searched.
     *
     * @return the scans recovered, oldest first; never null
     */
    @Override
    public List<RecoveredScan> recover() {
        if (temporaryDirectory == null || !Files.isDirectory(temporaryDirectory)) {
            return List.of();
        }
        List<Path> left = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(temporaryDirectory, NmapRun.FOLDER_PREFIX + "*")) {
            dirs.forEach(left::add);
        } catch (IOException e) {
            LOG.warn("cannot look for scans left by killed runs in {}: {}", temporaryDirectory, e.toString());
            return List.of();
        }
        left.sort(Comparator.comparing(NmapScanner::modified));
        List<RecoveredScan> recovered = new ArrayList<>();
        for (Path dir : left) {
            stopLeftover(dir);
            try {
                Path xml = dir.resolve("scan.xml");
                byte[] bytes = Files.exists(xml) ? Files.readAllBytes(xml) : new byte[0];
                List<String> targets = Files.exists(dir.resolve("targets.txt"))
                        ? Files.readAllLines(dir.resolve("targets.txt"), StandardCharsets.UTF_8) : List.of();
                Scan scan = new NmapXmlReader().read(new ByteArrayInputStream(bytes), dir.resolve("scan.xml").toString());
                Path finished = dir.resolve(NmapRun.FINISHED_FILE);
                if (Files.exists(finished) && !targets.isEmpty()) {
                    // nmap had ended, and the run was killed before it kept the result: kept now, as nmap ended it
                    List<String> said = Files.readAllLines(finished, StandardCharsets.UTF_8);
                    ScanResult.Outcome outcome = said.isEmpty() ? ScanResult.Outcome.CANCELLED : ScanResult.Outcome.valueOf(said.get(0));
                    List<String> warnings = new ArrayList<>(said.subList(Math.min(1, said.size()), said.size()));
                    warnings.add("recovered from a run that was killed after its scan ended, before it kept it");
                    recovered.add(RecoveredScan.of(targets, ScanResult.builder(scan, bytes).commandLine(List.of(executable))
                            .outcome(outcome).warnings(warnings).build()));
                } else if (!scan.hosts().isEmpty() && !targets.isEmpty()) {
                    recovered.add(RecoveredScan.of(targets, ScanResult.builder(scan.asIncomplete(), bytes)
                            .commandLine(List.of(executable)).outcome(ScanResult.Outcome.CANCELLED)
                            .warnings(List.of("recovered from a run that was killed during its scan")).build()));
                }
            } catch (IOException | NmapDiffException | IllegalArgumentException e) {
                LOG.warn("the scan left in {} by a killed run cannot be read ({}); it is removed", dir, e.getMessage());
            }
            NmapRun.deleteQuietly(dir);
        }
        return recovered;
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Stops the nmap a killed run left running in this folder, if it is still the same process. */
    private void stopLeftover(Path dir) {
        String[] pid;
        try {
            pid = Files.readString(dir.resolve(NmapRun.PID_FILE), StandardCharsets.UTF_8).strip().split(" ", 2);
        } catch (IOException e) {
            return;
        }
        Optional<ProcessHandle> process;
        try {
            process = ProcessHandle.of(Long.parseLong(pid[0]));
        } catch (NumberFormatException e) {
            return;
        }
        String started = pid.length > 1 ? pid[1] : "";
        process.filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant().map(Object::toString).orElse("").equals(started))
                .ifPresent(p -> {
                    LOG.warn("stopping nmap (process {}), left running by a killed run on the same folder", p.pid());
                    NmapRun.terminate(p, true, gracePeriod);
                });
    }

    /**
     * Returns the version of nmap this scanner runs, such as {@code 7.93}, asking nmap itself.
     *
     * @return the version, never null
     * @throws NmapNotFoundException when nmap cannot be started
     */
    public String version() {
        Process p;
        try {
            p = launcher.start(List.of(executable, "--version"));
        } catch (IOException e) {
            throw new NmapNotFoundException(executable, e);
        }
        try (InputStream out = p.getInputStream()) {
            p.getOutputStream().close();
            p.getErrorStream().close();
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            Matcher m = VERSION.matcher(text);
            if (!m.find()) {
                throw new NmapNotFoundException(executable + " (it did not say it is nmap: " + text.strip() + ")", null);
            }
            return m.group(1);
        } catch (IOException e) {
            throw new NmapNotFoundException(executable, e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new NmapNotFoundException(executable + " (interrupted while asking its version)", e);
        }
    }

    /** Builds an {@link NmapScanner}; not thread-safe. */
    public static final class Builder {
        private String executable = "nmap";
        private NmapOptions options = NmapOptions.defaults();
        private ProcessLauncher launcher = ProcessLauncher.DIRECT;
        private Duration gracePeriod = Duration.ofSeconds(10);
        private @Nullable Path temporaryDirectory;

        private Builder() {
        }

        /** The nmap program: a name looked up on the PATH, or a path; {@code nmap} by default. */
        public Builder executable(String program) {
            this.executable = Objects.requireNonNull(program, "program");
            return this;
        }

        /** The nmap options; {@link NmapOptions#defaults()} by default. */
        public Builder options(NmapOptions nmapOptions) {
            this.options = Objects.requireNonNull(nmapOptions, "nmapOptions");
            return this;
        }

        /** How nmap is started; {@link ProcessLauncher#DIRECT} by default. */
        public Builder launcher(ProcessLauncher processLauncher) {
            this.launcher = Objects.requireNonNull(processLauncher, "processLauncher");
            return this;
        }

        /** How long nmap may take to stop after SIGINT before it is killed; 10 seconds by default. */
        public Builder gracePeriod(Duration grace) {
            this.gracePeriod = Objects.requireNonNull(grace, "grace");
            return this;
        }

        /** Where the targets and XML files of running scans go; the system's temporary folder by default. */
        public Builder temporaryDirectory(Path directory) {
            this.temporaryDirectory = directory;
            return this;
        }

        /** Builds the scanner. */
        public NmapScanner build() {
            return new NmapScanner(this);
        }
    }
}
