package io.github.nmapdiff.core.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.HostState;
import io.github.nmapdiff.core.model.PortState;
import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.testing.BannerServer;
import io.github.nmapdiff.core.testing.Tool;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real nmap, with version detection, against services this test opens on 127.0.0.1. */
class RealNmapScanReadTest {
    @TempDir
    Path dir;

    @Test
    void versionScanOfLoopbackServicesReadsWithTheirPortsStatesAndProducts() throws Exception {
        try (BannerServer ssh = BannerServer.ssh(); BannerServer smtp = BannerServer.smtp()) {
            Path xml = dir.resolve("scan.xml");
            Tool.Result nmap = Tool.run(180, "nmap", "-sV", "-Pn", "-n", "-T4", "-p", ssh.port() + "," + smtp.port(),
                    "-oX", xml.toString(), "127.0.0.1");
            assertThat(nmap.exitCode()).as(nmap.stderr()).isZero();

            Scan scan = new NmapXmlReader().read(xml);

            assertThat(scan.complete()).isTrue();
            assertThat(scan.nmapVersion()).isNotBlank();
            assertThat(scan.args()).contains("-sV");
            Host host = scan.hosts().get(0);
            assertThat(host.status().state()).isEqualTo(HostState.UP);
            assertThat(host.addresses().get(0).address()).isEqualTo("127.0.0.1");
            assertThat(host.port(Protocol.TCP, ssh.port())).get().satisfies(p -> {
                assertThat(p.state()).isEqualTo(PortState.OPEN);
                assertThat(p.service().name()).isEqualTo("ssh");
                assertThat(p.service().product()).isEqualTo("OpenSSH");
                assertThat(p.service().version()).startsWith("8.9p1");
                assertThat(p.service().method()).isEqualTo("probed");
            });
            assertThat(host.port(Protocol.TCP, smtp.port())).get().satisfies(p -> {
                assertThat(p.state()).isEqualTo(PortState.OPEN);
                assertThat(p.service().name()).isEqualTo("smtp");
                assertThat(p.service().product()).isEqualTo("Postfix smtpd");
            });

            // and the writer keeps what ndiff sees of a 7.9x scan
            Path written = dir.resolve("written.xml");
            new NmapXmlWriter().write(scan, written);
            assertThat(new NmapXmlReader().read(written)).isEqualTo(scan);
            Tool.Result ndiff = Tool.ndiff(xml.toString(), written.toString());
            assertThat(ndiff.exitCode()).as(ndiff.stdout()).isZero();
        }
    }
}
