package io.github.nmapdiff.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.testing.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from the scanned network on a real terminal ({@code script} gives the jar a pty): control
 * and bidi characters come out as escapes; to a pipe the bytes stay as they are.
 */
class TerminalOutputIT {
    @TempDir
    Path dir;

    /** XML 1.1 allows character references to ESC and BEL: a banner with an OSC title sequence, a bidi override and a CR. */
    private Path hostile() throws Exception {
        return Files.writeString(dir.resolve("hostile.xml"), String.join("\n",
                "<?xml version=\"1.1\" encoding=\"UTF-8\"?>",
                "<nmaprun scanner=\"nmap\" args=\"nmap -sV 127.0.0.1\" start=\"1796000000\" version=\"7.93\" xmloutputversion=\"1.05\">",
                "<host starttime=\"1796000000\" endtime=\"1796000000\"><status state=\"up\" reason=\"user-set\" reason_ttl=\"0\"/>",
                "<address addr=\"127.0.0.1\" addrtype=\"ipv4\"/><hostnames/><ports>",
                "<port protocol=\"tcp\" portid=\"22\"><state state=\"open\" reason=\"syn-ack\" reason_ttl=\"64\"/>"
                        + "<service name=\"ssh\" product=\"Evil&#x1b;]0;pwned&#x7;&#x202e;gnp.exe&#xd;X\" method=\"probed\" conf=\"10\"/></port>",
                "</ports></host>",
                "<runstats><finished time=\"1796000001\" timestr=\"\" summary=\"\" elapsed=\"1\" exit=\"success\"/>"
                        + "<hosts up=\"1\" down=\"0\" total=\"1\"/></runstats>",
                "</nmaprun>", ""));
    }

    private static String jar() {
        return Path.of(System.getProperty("java.home"), "bin", "java") + " -jar " + Path.of("target", "nmapdiff.jar").toAbsolutePath();
    }

    @Test
    void onATerminalControlAndBidiCharactersAreEscaped() throws Exception {
        Tool.Result onTerminal = Tool.run(60, "script", "-qec", jar() + " show " + hostile(), "/dev/null");

        assertThat(onTerminal.stdout()).contains("Evil\\x1b]0;pwned\\x07\\u202egnp.exe\\x0dX")
                .doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\u0007");
    }

    @Test
    void onATerminalWithStandardInputRedirectedTheyAreEscapedToo() throws Exception {
        Tool.Result onTerminal = Tool.run(60, "script", "-qec", jar() + " show " + hostile() + " < /dev/null", "/dev/null");

        assertThat(onTerminal.stdout()).contains("Evil\\x1b]0;pwned").doesNotContain("\u001b");
    }

    @Test
    void toAPipeTheBytesStayAsTheyAre() throws Exception {
        Tool.Result piped = Tool.run(60, "sh", "-c", jar() + " show " + hostile());

        assertThat(piped.stdout()).contains("Evil\u001b]0;pwned\u0007\u202egnp.exe\rX");
    }
}
