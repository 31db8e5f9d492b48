package io.github.nmapdiff.examples;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What goes to a terminal: banners, host names and script output come from the scanned
 * network, and a control character (ESC, CR, an OSC sequence) or a bidirectional override
 * (U+202E) in them could rewrite or hide what a person reads. On a terminal they are shown as
 * escapes ({@code \x1b}, {@code \u202e}); to a file or a pipe nmapdiff writes the bytes as
 * they are, so that {@code diff} stays ndiff's output byte for byte.
 */
final class TerminalWriter extends FilterWriter {
    TerminalWriter(Writer out) {
        super(out);
    }

    /**
     * Returns whether standard output is a terminal. {@link System#console()} answers only when
     * standard input is one too; on Linux, where the file descriptor leads says it whatever
     * standard input is ({@code nmapdiff show x.xml < /dev/null} on a terminal).
     */
    static boolean standardOutputIsTerminal() {
        if (System.console() != null) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Returns whether a character would be shown as an escape on a terminal. */
    static boolean unsafe(int c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * Returns a value from the network for one line of output (a host name, a banner): every
     * unsafe character, line feeds and tabs too, as an escape, so that a name cannot end the
     * line and forge the next ({@code nmapdiff: nothing to report}).
     */
    static String field(String text) {
        return escape(text.replace("\n", "\\x0a").replace("\t", "\\x09"));
    }

    /** Returns the text with every unsafe character as an escape. */
    static String escape(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
                if (b == null) {
                    b = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                b.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

    @Override
    public void write(int c) throws IOException {
        out.write(escape(String.valueOf((char) c)));
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        out.write(escape(new String(buffer, offset, length)));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        out.write(escape(text.substring(offset, offset + length)));
    }
}
