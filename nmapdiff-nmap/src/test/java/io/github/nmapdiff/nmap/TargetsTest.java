package io.github.nmapdiff.nmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nmapdiff.core.ScanIoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsTest {
    @TempDir
    Path dir;

    @Test
    void everyTargetFormNmapKnowsIsAccepted() {
        String file = """
                # loopback monitoring
                127.0.0.1
                  127.0.0.2   # with a comment
                127.0.0.0/29

                127.0.0.1-20
                127.0-3.0.1
                127.0.0.*
                127.1,2.0.1
                ::1
                fe80::1%lo
                localhost
                host_name.example
                """;

        assertThat(Targets.parse(file, "ips.txt")).containsExactly("127.0.0.1", "127.0.0.2", "127.0.0.0/29", "127.0.0.1-20",
                "127.0-3.0.1", "127.0.0.*", "127.1,2.0.1", "::1", "fe80::1%lo", "localhost", "host_name.example");
    }

    @Test
    void lineThatLooksLikeAnOptionIsRejectedWithFileAndLine() {
        assertThatThrownBy(() -> Targets.parse("127.0.0.1\n-oN /tmp/owned\n", "ips.txt"))
                .isInstanceOfSatisfying(InvalidTargetsException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageStartingWith("ips.txt:2: '-oN /tmp/owned' starts with '-'");
    }

    @Test
    void lineWithTwoWordsIsRejected() {
        assertThatThrownBy(() -> Targets.parse("127.0.0.1 127.0.0.2\n", "ips.txt"))
                .isInstanceOf(InvalidTargetsException.class)
                .hasMessage("ips.txt:1: '127.0.0.1 127.0.0.2' holds more than one word; write one target per line");
    }

    @Test
    void shellAndControlCharactersAreRejected() {
        for (String bad : new String[] {"127.0.0.1;id", "$(reboot)", "127.0.0.1|nc", "`id`", "a&b", "x>y", "'q'", "\"q\"", "a\\b"}) {
            assertThatThrownBy(() -> Targets.parse("127.0.0.1\n" + bad + "\n", "ips.txt")).as(bad)
                    .isInstanceOf(InvalidTargetsException.class)
                    .hasMessageStartingWith("ips.txt:2: ")
                    .hasMessageContaining("which no address, range or host name has");
        }
        assertThatThrownBy(() -> Targets.parse("127.0.0.1\u0007\n", "ips.txt"))
                .hasMessageContaining("\\u0007")
                .hasMessageContaining("the control character U+0007");
    }

    @Test
    void aNetworkPrefixLongerThanTheAddressIsRejectedWithTheLine() {
        assertThatThrownBy(() -> Targets.parse("127.0.0.1\n127.0.0.1/33\n", "ips.txt"))
                .isInstanceOf(InvalidTargetsException.class)
                .hasMessageContaining("ips.txt:2:")
                .hasMessageContaining("/33")
                .hasMessageContaining("0 to 32");
        assertThatThrownBy(() -> Targets.parse("::1/129\n", "ips.txt")).hasMessageContaining("0 to 128");
        assertThat(Targets.parse("127.0.0.0/8\n::1/128\n127.0.0.1/0\n", "ips.txt")).containsExactly("127.0.0.0/8", "::1/128", "127.0.0.1/0");
    }

    @Test
    void aByteOrderMarkBeforeTheFirstTargetIsNotPartOfIt() {
        assertThat(Targets.parse("\uFEFF127.0.0.1\n127.0.0.2\n", "ips.txt")).containsExactly("127.0.0.1", "127.0.0.2");
    }

    @Test
    void fileWithoutTargetsIsAnError() {
        assertThatThrownBy(() -> Targets.parse("# only a comment\n\n", "ips.txt"))
                .isInstanceOf(InvalidTargetsException.class)
                .hasMessageStartingWith("ips.txt: no targets");
    }

    @Test
    void fileIsReadAndAMissingOneNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("ips.txt"), "127.0.0.1\r\n::1\r\n");

        assertThat(Targets.read(file)).containsExactly("127.0.0.1", "::1");
        assertThatThrownBy(() -> Targets.read(dir.resolve("missing.txt")))
                .isInstanceOf(ScanIoException.class)
                .hasMessageContaining("missing.txt");
    }

    @Test
    void binaryFileIsRejected() throws IOException {
        Path file = Files.write(dir.resolve("ips.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x31});

        assertThatThrownBy(() -> Targets.read(file)).isInstanceOf(InvalidTargetsException.class).hasMessageContaining("UTF-8");
    }
}
