package io.github.nmapdiff.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.model.PortKey;
import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.testing.BannerServer;
import io.github.nmapdiff.core.testing.Tool;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real nmap scans of loopback services that change in between: our diff equals ndiff's. */
class RealNmapDiffTest {
    @TempDir
    Path dir;

    private Path scan(String name, int... ports) {
        Path xml = dir.resolve(name);
        StringBuilder list = new StringBuilder();
        for (int p : ports) {
            list.append(list.isEmpty() ? "" : ",").append(p);
        }
        Tool.Result nmap = Tool.run(180, "nmap", "-sV", "-Pn", "-T4", "-p", list.toString(), "-oX", xml.toString(), "127.0.0.1");
        assertThat(nmap.exitCode()).as(nmap.stderr()).isZero();
        return xml;
    }

    @Test
    void portThatOpensAndServiceThatChangesVersionShowAsInNdiff() throws Exception {
        int smtpPort = BannerServer.freePort();
        Path before;
        Path after;
        int sshPort;
        try (BannerServer ssh = BannerServer.ssh(0, "8.9p1")) {
            sshPort = ssh.port();
            before = scan("before.xml", sshPort, smtpPort);
            ssh.sshVersion("9.6p1");
            try (BannerServer smtp = BannerServer.smtp(smtpPort)) {
                after = scan("after.xml", sshPort, smtpPort);
            }
        }
        NmapXmlReader reader = new NmapXmlReader();
        ScanDiff diff = ScanDiff.between(reader.read(before), reader.read(after));

        assertThat(diff.changes()).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(Change.PortOpened.class, opened -> {
            assertThat(opened.port()).isEqualTo(new PortKey(smtpPort, Protocol.TCP));
            assertThat(opened.service().name()).isEqualTo("smtp");
        }));
        assertThat(diff.changes()).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(Change.ServiceChanged.class, changed -> {
            assertThat(changed.port()).isEqualTo(new PortKey(sshPort, Protocol.TCP));
            assertThat(changed.before().version()).startsWith("8.9p1");
            assertThat(changed.after().version()).startsWith("9.6p1");
        }));
        ZoneId zone = ZoneId.systemDefault();
        for (boolean verbose : new boolean[] {false, true}) {
            Tool.Result text = verbose ? Tool.ndiff("-v", before.toString(), after.toString()) : Tool.ndiff(before.toString(), after.toString());
            assertThat(NdiffText.of(verbose, zone).render(diff)).isEqualTo(text.stdout());
            assertThat(text.exitCode()).isEqualTo(1);
            Tool.Result xml = verbose ? Tool.ndiff("-v", "--xml", before.toString(), after.toString())
                    : Tool.ndiff("--xml", before.toString(), after.toString());
            assertThat(NdiffXml.of(verbose, zone).render(diff)).isEqualTo(xml.stdout());
        }
        assertThat(diff.cost(false)).isPositive();
    }
}
