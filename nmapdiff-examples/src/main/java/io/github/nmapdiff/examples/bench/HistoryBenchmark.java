package io.github.nmapdiff.examples.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Measures the questions asked of a year of history: generates N nightly scans of H hosts
 * (loopback addresses, never scanned; ports that open, close and change version now and then), imports
 * them once, then times {@code inventory}, {@code history --host}, {@code history --port} and
 * {@code report} as users run them ({@code java -jar nmapdiff.jar ...}, whole processes, GNU
 * time's wall time and peak memory, medians of the runs). They answer from the job's memory,
 * not by reading the scans again.
 *
 * <pre>
 * java -cp nmapdiff-examples/target/nmapdiff.jar HistoryBenchmark --hosts 1000 --nights 365
 * </pre>
 */
public final class HistoryBenchmark {
    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = 1000;
        int nights = 365;
        int runs = 3;
        Path dir = Path.of("target", "bench-history");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--hosts" -> hosts = Integer.parseInt(args[++i]);
                case "--nights" -> nights = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path folder = dir.resolve(hosts + "-hosts-" + nights + "-nights");
        Path old = folder.resolve("old");
        Path scans = folder.resolve("scans");
        Path ips = folder.resolve("ips.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = jar().toString();
        if (!Files.exists(scans)) {
            Files.createDirectories(old);
            long t0 = System.nanoTime();
            generate(old, hosts, nights);
            Files.write(ips, List.of("127.18.0.0/16"));
            System.out.printf(Locale.ROOT, "generated %d nights of %d hosts in %.1f s%n", nights, hosts, (System.nanoTime() - t0) / 1e9);
            double[] imported = time(List.of(java, "-jar", jar, "import", scans.toString(), old.toString(), "-f", ips.toString()));
            System.out.printf(Locale.ROOT, "imported once in %.1f s, peak %d MB (the job learns a night at a time after that)%n",
                    imported[0], (long) imported[1] / 1024);
        }
        System.out.printf("%n%d nights of %d hosts, %d cores, Java %s, medians of %d runs%n", nights, hosts,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), runs);
        System.out.println("| command | wall (s) | peak RSS (MB) |");
        System.out.println("|---|---|---|");
        Path report = folder.resolve("report.html");
        List<List<String>> commands = List.of(
                List.of("inventory", scans.toString()),
                List.of("history", scans.toString(), "--host", "127.18.0.7"),
                List.of("history", scans.toString(), "--port", "5432/tcp"),
                List.of("report", scans.toString(), "-o", report.toString()));
        for (List<String> c : commands) {
            double[] wall = new double[runs];
            double[] peak = new double[runs];
            for (int r = 0; r < runs; r++) {
                List<String> full = new ArrayList<>(List.of(java, "-jar", jar));
                full.addAll(c);
                double[] t = time(full);
                wall[r] = t[0];
                peak[r] = t[1];
            }
            Arrays.sort(wall);
            Arrays.sort(peak);
            System.out.printf(Locale.ROOT, "| nmapdiff %s | %.2f | %d |%n", c.get(0) + (c.size() > 2 ? " " + c.get(2) : ""),
                    wall[runs / 2], (long) peak[runs / 2] / 1024);
        }
        long memory = 0;
        for (String file : List.of("memory.dat", "memory.log")) { // the folder store's memory: its base and the nights since
            Path f = scans.resolve(file);
            memory += Files.isRegularFile(f) ? Files.size(f) : 0;
        }
        System.out.printf(Locale.ROOT, "%nreport.html: %d KB; the memory (memory.dat and memory.log): %d KB%n", Files.size(report) / 1024,
                memory / 1024);
    }

    /** Wall seconds and peak KB of a process, by GNU time. */
    private static double[] time(List<String> command) throws IOException, InterruptedException {
        Path times = Files.createTempFile("bench-time", ".txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %M"));
        timed.addAll(command);
        Process p = new ProcessBuilder(timed).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue());
        }
        String[] line = Files.readString(times).strip().split("\\s+");
        Files.delete(times);
        return new double[] {Double.parseDouble(line[line.length - 2]), Double.parseDouble(line[line.length - 1])};
    }

    /** Nights of -Pn -sV scans of 127.18.0.0/16 (nothing is scanned): some churn every night. */
    private static void generate(Path old, int hosts, int nights) throws IOException {
        Random random = new Random(42);
        boolean[][] open = new boolean[hosts][4];
        String[] versions = new String[hosts];
        int[] ports = {22, 80, 443, 5432};
        for (int h = 0; h < hosts; h++) {
            open[h][0] = true;
            open[h][1] = h % 3 == 0;
            open[h][2] = h % 4 == 0;
            versions[h] = "9.2p1";
        }
        long start = 1767232800L; // 2026-01-01T02:00:00Z
        for (int n = 0; n < nights; n++) {
            long t = start + n * 86_400L;
            for (int c = 0; c < Math.max(1, hosts / 200); c++) { // a few changes a night
                int h = random.nextInt(hosts);
                int p = 1 + random.nextInt(3);
                open[h][p] = !open[h][p];
                if (random.nextInt(4) == 0) {
                    versions[h] = "9." + (2 + random.nextInt(7)) + "p1";
                }
            }
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<nmaprun scanner=\"nmap\" args=\"nmap -Pn -sV\""
                    + " start=\"" + t + "\" version=\"7.93\" xmloutputversion=\"1.05\">\n");
            for (int h = 0; h < hosts; h++) {
                xml.append("<host starttime=\"").append(t).append("\" endtime=\"").append(t + 20).append("\"><status state=\"up\""
                        + " reason=\"user-set\" reason_ttl=\"0\"/>\n<address addr=\"127.18.").append(h / 250).append('.')
                        .append(h % 250 + 1).append("\" addrtype=\"ipv4\"/>\n<hostnames><hostname name=\"host").append(h)
                        .append(".example.com\" type=\"PTR\"/></hostnames>\n<ports><extraports state=\"closed\" count=\"996\"/>\n");
                for (int p = 0; p < 4; p++) {
                    if (open[h][p]) {
                        xml.append("<port protocol=\"tcp\" portid=\"").append(ports[p]).append("\"><state state=\"open\""
                                + " reason=\"syn-ack\" reason_ttl=\"64\"/><service name=\"")
                                .append(p == 0 ? "ssh\" product=\"OpenSSH\" version=\"" + versions[h] : p == 3 ? "postgresql" : "http")
                                .append("\" method=\"probed\" conf=\"10\"/></port>\n");
                    }
                }
                xml.append("</ports>\n<times srtt=\"").append(300 + n % 50).append("\" rttvar=\"5000\" to=\"100000\"/>\n</host>\n");
            }
            xml.append("<runstats><finished time=\"").append(t + 600).append("\" elapsed=\"600\" exit=\"success\"/><hosts up=\"")
                    .append(hosts).append("\" down=\"0\" total=\"").append(hosts).append("\"/></runstats>\n</nmaprun>\n");
            Files.writeString(old.resolve(String.format(Locale.ROOT, "night-%03d.xml", n + 1)), xml, StandardCharsets.UTF_8);
        }
    }

    private static Path jar() throws URISyntaxException {
        Path self = Path.of(HistoryBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!self.toString().endsWith(".jar")) {
            self = Path.of("nmapdiff-examples", "target", "nmapdiff.jar");
        }
        return self;
    }
}
