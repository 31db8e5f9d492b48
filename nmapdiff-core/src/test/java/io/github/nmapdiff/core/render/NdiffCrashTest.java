package io.github.nmapdiff.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.testing.LocalhostScan;
import io.github.nmapdiff.core.testing.Tool;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where ndiff 7.9x crashes, we print what it means to print: what its {@code -v} output shows
 * for the port in question, and results in order of script id.
 */
class NdiffCrashTest {
    @TempDir
    Path dir;

    private Path scan(String name, long start, String scripts) {
        return LocalhostScan.startingAt(start).args("nmap -sV -sC 127.0.0.1").sshScripts(scripts).write(dir.resolve(name));
    }

    private static ScanDiff diff(Path a, Path b) {
        NmapXmlReader reader = new NmapXmlReader();
        return ScanDiff.between(reader.read(a), reader.read(b));
    }

    @Test
    void portWhoseOnlyChangeIsItsScriptOutputShowsAsNdiffVerboseShowsIt() throws IOException {
        Path a = scan("a.xml", 1_700_000_000, "<script id=\"ssh-hostkey\" output=\"256 aa:bb (ED25519)\"/>");
        Path b = scan("b.xml", 1_700_086_400, "<script id=\"ssh-hostkey\" output=\"256 cc:dd (ED25519)\"/>");
        Tool.Result crashed = Tool.ndiff(a.toString(), b.toString());
        Tool.Result verbose = Tool.ndiff("-v", a.toString(), b.toString());

        String ours = NdiffText.of(false, ZoneId.systemDefault()).render(diff(a, b));

        assertThat(crashed.exitCode()).as("ndiff 7.9x crashes here").isEqualTo(2);
        List<String> portLines = linesFrom(verbose.stdout(), "22/tcp");
        assertThat(portLines).containsExactly(
                " 22/tcp open  ssh     OpenSSH 9.2p1",
                "-|_ ssh-hostkey: 256 aa:bb (ED25519)",
                "+|_ ssh-hostkey: 256 cc:dd (ED25519)");
        assertThat(linesFrom(ours, "22/tcp")).isEqualTo(portLines);
        assertThat(diff(a, b).cost(false)).isEqualTo(1);
    }

    @Test
    void portWithTwoScriptResultsIsComparedInOrderOfScriptId() throws IOException {
        Path a = scan("a.xml", 1_700_000_000,
                "<script id=\"ssh-hostkey\" output=\"256 aa:bb (ED25519)\"/><script id=\"banner\" output=\"SSH-2.0-OpenSSH_9.2p1\"/>");
        Path b = scan("b.xml", 1_700_086_400,
                "<script id=\"banner\" output=\"SSH-2.0-OpenSSH_9.3p1\"/><script id=\"ssh-hostkey\" output=\"256 aa:bb (ED25519)\"/>");
        assertThat(Tool.ndiff(a.toString(), b.toString()).exitCode()).as("ndiff 7.9x crashes here").isEqualTo(2);

        String text = NdiffText.of(false, ZoneId.systemDefault()).render(diff(a, b));
        String verbose = NdiffText.of(true, ZoneId.systemDefault()).render(diff(a, b));

        assertThat(linesFrom(text, "22/tcp")).containsExactly(
                " 22/tcp open  ssh     OpenSSH 9.2p1",
                "-|_ banner: SSH-2.0-OpenSSH_9.2p1",
                "+|_ banner: SSH-2.0-OpenSSH_9.3p1");
        assertThat(linesFrom(verbose, "22/tcp")).containsExactly(
                " 22/tcp open  ssh     OpenSSH 9.2p1",
                "-|_ banner: SSH-2.0-OpenSSH_9.2p1",
                "+|_ banner: SSH-2.0-OpenSSH_9.3p1",
                " |_ ssh-hostkey: 256 aa:bb (ED25519)");
    }

    /** The lines of a text output from the one that starts with the mark and {@code start}, to the end of its block. */
    private static List<String> linesFrom(String text, String start) {
        List<String> lines = Arrays.asList(text.split("\n"));
        int from = 0;
        while (from < lines.size() && !lines.get(from).substring(Math.min(1, lines.get(from).length())).startsWith(start)) {
            from++;
        }
        int to = from;
        while (to < lines.size() && !lines.get(to).isEmpty() && !lines.get(to).contains("OS details")) {
            to++;
        }
        return lines.subList(from, to);
    }
}
