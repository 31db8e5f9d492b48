package io.github.nmapdiff.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.testing.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DHCP move through the real nmap: two network namespaces of the test's own, a scanner and a
 * laptop joined by a veth pair (so that nmap sees the laptop's MAC address), and a web server
 * on the laptop that moves from one address to another. The job says the device moved; it
 * reports it neither gone nor new, and its port follows it. Needs root (namespaces, raw
 * sockets), as nmap's default scan does.
 */
class DhcpMoveTest {
    private static final String MAC = "02:00:5e:00:53:01";

    @TempDir
    Path dir;

    private final String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100000, 999999));
    private final String scanner = "nd-scan-" + suffix;
    private final String laptop = "nd-laptop-" + suffix;
    private Process server;

    @AfterEach
    void removeTheNamespaces() {
        if (server != null) {
            server.destroyForcibly();
        }
        Tool.run(10, "ip", "netns", "del", scanner);
        Tool.run(10, "ip", "netns", "del", laptop);
    }

    @Test
    void aDeviceThatMovesToAnotherAddressIsMovedNotGoneAndNew() throws Exception {
        Tool.require("ip");
        Tool.require("nmap");
        Tool.require("python3");
        ip("netns", "add", scanner);
        ip("netns", "add", laptop);
        ip("link", "add", "nd0", "netns", scanner, "type", "veth", "peer", "name", "nd1", "netns", laptop);
        ip("-n", scanner, "addr", "add", "192.0.2.1/24", "dev", "nd0");
        ip("-n", scanner, "link", "set", "nd0", "up");
        ip("-n", laptop, "link", "set", "nd1", "address", MAC);
        ip("-n", laptop, "addr", "add", "192.0.2.50/24", "dev", "nd1");
        ip("-n", laptop, "link", "set", "nd1", "up");
        ip("-n", laptop, "link", "set", "lo", "up");
        server = new ProcessBuilder("ip", "netns", "exec", laptop, "python3", "-m", "http.server", "--bind", "0.0.0.0", "8080")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        Path nmap = dir.resolve("nmap-in-namespace");
        Files.writeString(nmap, "#!/bin/sh\nexec ip netns exec " + scanner + " nmap \"$@\"\n");
        Files.setPosixFilePermissions(nmap, PosixFilePermissions.fromString("rwx------"));
        Path ips = Files.write(dir.resolve("ips.txt"), List.of("192.0.2.50-51"));
        awaitServer();

        Cli.Result baseline = scan(nmap, ips);
        assertThat(baseline.code()).as(baseline.out() + baseline.err()).isZero();
        assertThat(baseline.out()).contains("baseline");

        ip("-n", laptop, "addr", "del", "192.0.2.50/24", "dev", "nd1");
        ip("-n", laptop, "addr", "add", "192.0.2.51/24", "dev", "nd1");
        Cli.Result moved = scan(nmap, ips);
        assertThat(moved.code()).as(moved.out() + moved.err()).isZero();
        assertThat(moved.out()).contains("nothing to report; held back: 1 device moved to another address")
                .doesNotContain("host gone", "new host", "opened");
        Cli.Result next = scan(nmap, ips); // the second complete scan without .50 would confirm its removal
        assertThat(next.code()).as(next.out() + next.err()).isZero();
        assertThat(next.out()).contains("nothing to report").doesNotContain("host gone", "new host", "opened", "held back");
        Cli.Result inventory = Cli.run("inventory", dir.resolve("scans").toString());
        assertThat(inventory.out()).as(inventory.err()).contains("192.0.2.51").contains("8080/tcp");
    }

    private Cli.Result scan(Path nmap, Path ips) {
        return Cli.run("scan", "-f", ips.toString(), "-o", dir.resolve("scans").toString(), "--nmap", nmap.toString(),
                "--nmap-args", "-n -p 8080,22 -sV");
    }

    private static void ip(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "ip";
        System.arraycopy(args, 0, command, 1, args.length);
        Tool.Result r = Tool.run(20, command);
        assertThat(r.exitCode()).as("ip %s: %s", String.join(" ", args), r.stderr()).isZero();
    }

    private void awaitServer() throws Exception {
        for (int i = 0; i < 100; i++) {
            Tool.Result r = Tool.run(10, "ip", "netns", "exec", laptop, "python3", "-c",
                    "import socket; socket.create_connection(('192.0.2.50', 8080), 1)");
            if (r.exitCode() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the web server in the namespace did not start: " + Files.readString(dir.resolve("server.log")));
    }
}
