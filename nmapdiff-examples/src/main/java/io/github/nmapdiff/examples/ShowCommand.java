package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.HostName;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.render.ServiceText;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nmapdiff show FILE}: what one nmap XML file holds, host by host. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Prints the hosts and ports of an nmap XML file (nmap -oX).")
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "an nmap XML file, plain or gzip-compressed")
    Path file;

    @Override
    public Integer call() {
        Scan scan = new NmapXmlReader().read(file);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: nmap %s, started %s, %s, %d host%s%n", file, Objects.toString(scan.nmapVersion(), "?"),
                scan.start() == null ? "?" : scan.start(), scan.complete() ? "complete" : "INCOMPLETE",
                scan.hosts().size(), scan.hosts().size() == 1 ? "" : "s");
        for (Host host : scan.hosts()) {
            out.println(describe(host));
            for (Port port : host.ports()) {
                out.println("  " + describe(port));
            }
        }
        return 0;
    }

    private static String describe(Host host) {
        String addresses = host.addresses().stream().map(a -> a.address()).collect(Collectors.joining(" "));
        List<String> names = host.hostNames().stream().map(HostName::name).filter(Objects::nonNull).toList();
        return addresses + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")") + " " + host.status().state();
    }

    private static String describe(Port port) {
        List<String> parts = new ArrayList<>();
        parts.add(port.number() + "/" + port.protocol());
        parts.add(port.state().nmapName());
        if (port.service() != null) {
            parts.add(ServiceText.describe(port.service()));
        }
        return String.join(" ", parts);
    }
}
