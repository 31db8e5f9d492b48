package io.github.nmapdiff.nmap;

import io.github.nmapdiff.core.ScanIoException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads and checks a targets file, one target per line, as the shell script's {@code -f ips.txt}:
 * IPv4 and IPv6 addresses, CIDR blocks ({@code 10.0.0.0/24}), nmap ranges ({@code 10.0.0.1-20},
 * {@code 192.168.0-3.1}, {@code 10.0.0.*}) and host names; {@code #} starts a comment; blank
 * lines are skipped.
 *
 * <p>Targets reach nmap through a file ({@code -iL}), never a shell, but nmapdiff still refuses a
 * line that could be taken for something else: one that starts with {@code -} (an option), holds
 * more than one word, or holds a character that no target has (shell and control characters,
 * quotes). The error names the file and line, and nothing is scanned.
 */
public final class Targets {
    /** Letters, digits and the punctuation of addresses, ranges, CIDR blocks and names. */
    private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9._:/,*%\\[\\]-]+");

    private Targets() {
    }

    /**
     * Reads a targets file.
     *
     * @param file the file, never null
     * @return the targets in the order of the file, never empty
     * @throws InvalidTargetsException naming the file and line of the first bad line, or when there is no target
     * @throws ScanIoException when the file cannot be read
     */
    public static List<String> read(Path file) {
        Objects.requireNonNull(file, "file");
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScanIoException("no such targets file: " + file + " (one target per line: 192.0.2.1, 192.0.2.0/24, host.example)", e);
        } catch (MalformedInputException e) {
            throw new InvalidTargetsException(file.toString(), -1, "not a text file in UTF-8; write one target per line");
        } catch (IOException e) {
            throw new ScanIoException("cannot read the targets file " + file + ": " + e.getMessage(), e);
        }
        return parse(content, file.toString());
    }

    /**
     * Parses the content of a targets file.
     *
     * @param content the text, never null
     * @param source the file name for error messages, never null
     * @return the targets in order, never empty
     * @throws InvalidTargetsException naming the source and line of the first bad line, or when there is no target
     */
    public static List<String> parse(String content, String source) {
        List<String> targets = new ArrayList<>();
        // a byte order mark, as some editors write, is not part of the first target
        String text0 = content.startsWith("\uFEFF") ? content.substring(1) : content;
        String[] lines = text0.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!text.isEmpty()) {
                targets.add(check(text, source, i + 1));
            }
        }
        if (targets.isEmpty()) {
            throw new InvalidTargetsException(source, -1, "no targets: write one per line (192.0.2.1, 192.0.2.0/24, host.example)");
        }
        return List.copyOf(targets);
    }

    /**
     * Checks one target.
     *
     * @param target the target, never null
     * @param source where it came from, for error messages
     * @param line its 1-based line, or -1
     * @return the target, unchanged
     * @throws InvalidTargetsException when it is not a target nmapdiff will hand to nmap
     */
    public static String check(String target, String source, int line) {
        if (target.startsWith("-")) {
            throw new InvalidTargetsException(source, line, "'" + printable(target)
                    + "' starts with '-' and would be taken for an nmap option; a targets file holds only targets");
        }
        if (target.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidTargetsException(source, line, "'" + printable(target)
                    + "' holds more than one word; write one target per line");
        }
        if (!TARGET.matcher(target).matches()) {
            int bad = target.codePoints().filter(c -> !TARGET.matcher(Character.toString(c)).matches()).findFirst().orElse('?');
            throw new InvalidTargetsException(source, line, "'" + printable(target) + "' holds " + describe(bad)
                    + ", which no address, range or host name has");
        }
        checkPrefix(target, source, line);
        return target;
    }

    /** A CIDR prefix must fit the address: nmap would take /33 as /32 and only say so in a warning. */
    private static void checkPrefix(String target, String source, int line) {
        int slash = target.lastIndexOf('/');
        if (slash < 0) {
            return;
        }
        String bits = target.substring(slash + 1);
        int max = target.substring(0, slash).contains(":") ? 128 : 32;
        boolean valid = bits.matches("\\d{1,3}") && Integer.parseInt(bits) <= max && target.indexOf('/') == slash;
        if (!valid) {
            throw new InvalidTargetsException(source, line, "'" + printable(target) + "' has the network prefix /" + printable(bits)
                    + ", but a prefix is 0 to " + max + " for " + (max == 32 ? "IPv4" : "IPv6") + " (such as 192.0.2.0/24)");
        }
    }

    private static String describe(int c) {
        return Character.isISOControl(c) ? String.format("the control character U+%04X", c) : "'" + Character.toString(c) + "'";
    }

    /** The target with control characters shown as escapes, so an error message cannot hide or fake anything. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return s.codePointCount(0, s.length()) > 80 ? out + "..." : out.toString();
    }
}
