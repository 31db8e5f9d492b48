package io.github.nmapdiff.nmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.PortState;
import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.spi.ScanListener;
import io.github.nmapdiff.core.spi.ScanProgress;
import io.github.nmapdiff.core.spi.ScanRequest;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.ScanRun;
import io.github.nmapdiff.core.testing.BannerServer;
import io.github.nmapdiff.core.testing.Tool;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real nmap against services this test opens on 127.0.0.1. Every scan resolves names from
 * /etc/hosts only ({@code --system-dns} or {@code -n}), so no DNS query leaves the machine.
 */
class NmapScannerTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void nmapIsInstalled() {
        Tool.require("nmap");
    }

    /** The defaults, for loopback: names from /etc/hosts, not from a DNS server. */
    private static NmapOptions.Builder loopback() {
        return NmapOptions.builder().add("--system-dns");
    }

    private static NmapScanner scanner(NmapOptions options) {
        return NmapScanner.builder().options(options).gracePeriod(Duration.ofSeconds(5)).build();
    }

    @Test
    void portThatOpensBetweenTwoScansShowsUp() throws IOException {
        int port = BannerServer.freePort();
        NmapScanner nmap = scanner(loopback().ports(Integer.toString(port)).build());
        ScanRequest request = ScanRequest.of(List.of("127.0.0.1"));

        ScanResult before = nmap.scan(request);
        ScanResult after;
        try (BannerServer ssh = BannerServer.ssh(port, "9.2p1")) {
            after = nmap.scan(request);
        }

        assertThat(before.outcome()).isEqualTo(ScanResult.Outcome.COMPLETED);
        assertThat(before.scan().complete()).isTrue();
        assertThat(before.scan().hosts().get(0).port(Protocol.TCP, port)).get().extracting(p -> p.state()).isEqualTo(PortState.CLOSED);
        Host host = after.scan().hosts().get(0);
        assertThat(host.port(Protocol.TCP, port)).get().satisfies(p -> {
            assertThat(p.state()).isEqualTo(PortState.OPEN);
            assertThat(p.service().product()).isEqualTo("OpenSSH");
        });
        assertThat(host.hostNames()).extracting(n -> n.name()).contains("localhost");
        assertThat(after.scan().args()).contains("-sV").contains("-p " + port).doesNotContain("--top-ports");
        // the bytes kept are nmap's own, and read back to the same scan
        assertThat(new String(after.xml(), java.nio.charset.StandardCharsets.UTF_8)).contains("<nmaprun scanner=\"nmap\"");
        assertThat(new NmapXmlReader().read(new ByteArrayInputStream(after.xml()), "kept")).isEqualTo(after.scan());
        assertThat(after.commandLine()).contains("-iL", "-oX", "--system-dns");
    }

    @Test
    void defaultOptionsScanTheTopPortsOfLoopback() throws IOException {
        try (BannerServer smtp = BannerServer.smtp(25)) {
            ScanResult result = scanner(loopback().build()).scan(ScanRequest.of(List.of("127.0.0.1")));

            assertThat(result.scan().args()).contains("-v -sV --top-ports 5000 -T4 -Pn -R");
            assertThat(result.scan().hosts().get(0).port(Protocol.TCP, 25)).get().satisfies(p -> {
                assertThat(p.state()).isEqualTo(PortState.OPEN);
                assertThat(p.service().name()).isEqualTo("smtp");
            });
        } catch (java.net.BindException portTaken) {
            org.junit.jupiter.api.Assumptions.abort("port 25 is in use on this machine");
        }
    }

    /** Two hosts one after the other: 127.0.0.2 is done at once, 127.0.0.1 waits on a silent service. */
    private static NmapOptions slowSecondHost(int silentPort, Duration statsEvery) {
        return NmapOptions.builder().ports(Integer.toString(silentPort)).reverseDns(NmapOptions.ReverseDns.NEVER)
                .add("--max-hostgroup", "1").statsEvery(statsEvery).build();
    }

    @Test
    void timeoutStopsNmapAndKeepsTheHostsItCompleted() throws IOException {
        try (BannerServer silent = BannerServer.silent()) {
            ScanResult result = scanner(slowSecondHost(silent.port(), Duration.ofSeconds(1)))
                    .scan(ScanRequest.of(List.of("127.0.0.2", "127.0.0.1")).withTimeout(Duration.ofSeconds(6)));

            assertThat(result.outcome()).isEqualTo(ScanResult.Outcome.TIMED_OUT);
            assertThat(result.scan().complete()).isFalse();
            assertThat(result.scan().hosts()).extracting(h -> h.addresses().get(0).address()).containsExactly("127.0.0.2");
        }
    }

    @Test
    void cancelStopsNmapAndKeepsTheHostsItCompleted() throws Exception {
        try (BannerServer silent = BannerServer.silent()) {
            CountDownLatch firstHostDone = new CountDownLatch(1);
            List<ScanProgress> progress = new CopyOnWriteArrayList<>();
            ScanListener listener = new ScanListener() {
                @Override
                public void output(String line) {
                    if (line.startsWith("Nmap scan report for 127.0.0.2")) {
                        firstHostDone.countDown();
                    }
                }

                @Override
                public void progress(ScanProgress p) {
                    progress.add(p);
                }
            };
            ScanRun run = scanner(slowSecondHost(silent.port(), Duration.ofMillis(500)))
                    .start(ScanRequest.of(List.of("127.0.0.2", "127.0.0.1")).withListener(listener));

            assertThat(firstHostDone.await(60, TimeUnit.SECONDS)).isTrue();
            // let nmap get into the slow service scan of the second host and report on it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (progress.stream().noneMatch(p -> "Service scan".equals(p.task())) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            run.cancel();
            ScanResult result = run.await();

            assertThat(run.isDone()).isTrue();
            assertThat(result.outcome()).isEqualTo(ScanResult.Outcome.CANCELLED);
            assertThat(result.scan().complete()).isFalse();
            assertThat(result.scan().hosts()).extracting(h -> h.addresses().get(0).address()).containsExactly("127.0.0.2");
            assertThat(progress).anySatisfy(p -> {
                assertThat(p.task()).isEqualTo("Service scan");
                assertThat(p.hostsCompleted()).isEqualTo(1);
                assertThat(p.elapsed()).isNotNull();
            });
        }
    }

    @Test
    void interruptingTheWaitingThreadCancelsTheScan() throws Exception {
        try (BannerServer silent = BannerServer.silent()) {
            NmapScanner nmap = scanner(slowSecondHost(silent.port(), null));
            List<ScanResult> results = new ArrayList<>();
            AtomicInteger interruptFlag = new AtomicInteger();
            Thread waiter = new Thread(() -> {
                results.add(nmap.scan(ScanRequest.of(List.of("127.0.0.1"))));
                interruptFlag.set(Thread.currentThread().isInterrupted() ? 1 : 0);
            });
            waiter.start();
            Thread.sleep(2000);
            waiter.interrupt();
            waiter.join(30_000);

            assertThat(results).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(ScanResult.Outcome.CANCELLED));
            assertThat(interruptFlag.get()).as("interrupt flag set again").isEqualTo(1);
        }
    }

    @Test
    void injectionInATargetsFileIsRejectedBeforeNmapStarts() throws IOException {
        Path ips = Files.writeString(dir.resolve("ips.txt"), "127.0.0.1\n127.0.0.2; touch /tmp/nmapdiff-owned\n");
        List<List<String>> launched = new CopyOnWriteArrayList<>();
        NmapScanner nmap = NmapScanner.builder().launcher(command -> {
            launched.add(command);
            return ProcessLauncher.DIRECT.start(command);
        }).build();

        assertThatThrownBy(() -> nmap.scan(ScanRequest.of(Targets.read(ips))))
                .isInstanceOf(InvalidTargetsException.class)
                .hasMessageContaining("ips.txt:2:");
        assertThatThrownBy(() -> nmap.scan(ScanRequest.of(List.of("127.0.0.1", "-oN/tmp/nmapdiff-owned"))))
                .isInstanceOf(InvalidTargetsException.class)
                .hasMessageContaining("starts with '-'");
        assertThat(launched).isEmpty();
        assertThat(Path.of("/tmp/nmapdiff-owned")).doesNotExist();
    }

    @Test
    void theScansFilesUnderWayAreTheOwnersOnly() throws Exception {
        Tool.require("nmap");
        Path modes = dir.resolve("modes.txt");
        Path wrapper = dir.resolve("nmap-that-tells-modes");
        java.nio.file.Files.writeString(wrapper, String.join("\n", "#!/bin/sh",
                "prev=''; for a in \"$@\"; do case \"$prev\" in -oX|-iL) stat -c %a \"$a\" >> " + modes + ";; esac; prev=$a; done",
                "exec nmap \"$@\"", ""));
        java.nio.file.Files.setPosixFilePermissions(wrapper, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        NmapScanner nmap = NmapScanner.builder().executable(wrapper.toString())
                .options(NmapOptions.of(List.of("-sT", "-p", "22", "-Pn", "-n"))).temporaryDirectory(dir.resolve("running")).build();

        nmap.scan(ScanRequest.of(List.of("127.0.0.1")));

        assertThat(java.nio.file.Files.readAllLines(modes)).as("the XML nmap writes and the targets").containsExactly("600", "600");
    }

    @Test
    void missingNmapIsATypedErrorThatSaysHowToInstallIt() {
        NmapScanner nmap = NmapScanner.builder().executable(dir.resolve("no-nmap-here").toString()).build();

        assertThatThrownBy(() -> nmap.scan(ScanRequest.of(List.of("127.0.0.1"))))
                .isInstanceOf(NmapNotFoundException.class)
                .hasMessageContaining("apt-get install nmap");
        assertThatThrownBy(nmap::version).isInstanceOf(NmapNotFoundException.class);
    }

    @Test
    void nmapThatFailsGivesCommandExitCodeAndStderr() {
        NmapScanner nmap = scanner(NmapOptions.builder().add("--no-such-option").build());

        assertThatThrownBy(() -> nmap.scan(ScanRequest.of(List.of("127.0.0.1"))))
                .isInstanceOfSatisfying(NmapFailedException.class, e -> {
                    assertThat(e.exitCode()).isNotZero();
                    assertThat(e.commandLine()).contains("--no-such-option");
                    assertThat(e.stderrTail()).contains("no-such-option");
                })
                .hasMessageContaining("nmap failed [exit code");
    }

    @Test
    void optionThatNeedsRootGivesThePrivilegeError() {
        // --unprivileged makes nmap behave as for a normal user, whoever runs the test
        NmapScanner nmap = scanner(NmapOptions.of(List.of("--unprivileged", "-sS", "-n", "-Pn", "-p", "22")));

        assertThatThrownBy(() -> nmap.scan(ScanRequest.of(List.of("127.0.0.1"))))
                .isInstanceOf(NmapPrivilegeException.class)
                .hasMessageContaining("needs root privileges")
                .hasMessageContaining("-sT instead of -sS");
    }

    /** Inside a network namespace of its own (only a loopback that is down), no DNS query can leave. */
    @Test
    void targetThatDoesNotResolveIsATypedError() {
        Tool.require("unshare");
        NmapScanner nmap = NmapScanner.builder().options(NmapOptions.builder().ports("22").build())
                .launcher(command -> {
                    List<String> isolated = new ArrayList<>(List.of("unshare", "--net", "--"));
                    isolated.addAll(command);
                    return ProcessLauncher.DIRECT.start(isolated);
                }).build();

        assertThatThrownBy(() -> nmap.scan(ScanRequest.of(List.of("no-such-host.invalid"))))
                .isInstanceOfSatisfying(TargetResolutionException.class,
                        e -> assertThat(e.unresolved()).containsExactly("no-such-host.invalid"))
                .hasMessageContaining("getent hosts");
    }

    @Test
    void nmapsOwnWarningsReachTheResult() {
        NmapScanner nmap = scanner(NmapOptions.of(List.of("-sT", "-p", "22,U:53", "-Pn", "-n")));

        ScanResult result = nmap.scan(ScanRequest.of(List.of("127.0.0.1")));

        assertThat(result.warnings()).singleElement().asString().startsWith("WARNING: Your ports include \"U:\"");
    }

    @Test
    void versionIsAskedOfNmapItself() {
        assertThat(NmapScanner.create().version()).matches("\\d+\\.\\d+.*");
    }
}
