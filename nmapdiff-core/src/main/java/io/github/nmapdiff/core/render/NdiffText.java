package io.github.nmapdiff.core.render;

import io.github.nmapdiff.core.diff.HostDiff;
import io.github.nmapdiff.core.diff.OsEdit;
import io.github.nmapdiff.core.diff.PortDiff;
import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.diff.ScriptDiff;
import io.github.nmapdiff.core.internal.NdiffHost;
import io.github.nmapdiff.core.internal.NdiffTable;
import io.github.nmapdiff.core.internal.PyText;
import io.github.nmapdiff.core.internal.SequenceMatcher;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.ScriptResult;
import io.github.nmapdiff.core.model.Service;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Renders a diff as ndiff's text output, byte for byte, normal or verbose ({@code -v}).
 *
 * <p>Where ndiff 7.9x crashes (a port or host with two or more script results; a port whose
 * only change is its script output), this prints what ndiff means to print, which is what its
 * {@code -v} output shows there. Instances are immutable and thread-safe.
 */
public final class NdiffText {
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy", Locale.ROOT);

    private final boolean verbose;
    private final ZoneId zone;

    private NdiffText(boolean verbose, ZoneId zone) {
        this.verbose = verbose;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Returns a renderer.
     *
     * @param verbose whether to show unchanged hosts and ports too, as {@code ndiff -v}
     * @param zone the time zone of the start times in the banner (ndiff uses the local one); never null
     * @return the renderer, never null
     */
    public static NdiffText of(boolean verbose, ZoneId zone) {
        return new NdiffText(verbose, zone);
    }

    /**
     * Renders a diff.
     *
     * @param diff the diff, never null
     * @return the text, each line ending in a line feed; never null
     */
    public String render(ScanDiff diff) {
        StringBuilder out = new StringBuilder();
        String bannerA = banner(diff.before());
        String bannerB = banner(diff.after());
        if (!bannerA.equals(bannerB)) {
            out.append('-').append(bannerA).append('\n');
            out.append('+').append(bannerB).append('\n');
        } else if (verbose) {
            out.append(' ').append(bannerA).append('\n');
        }
        scriptSection(out, "Pre-scan script results", diff.before().preScanScripts(), diff.after().preScanScripts(),
                diff.preScanScripts());
        for (HostDiff host : diff.shownHosts(verbose)) {
            out.append('\n');
            host(out, host);
        }
        scriptSection(out, "Post-scan script results", diff.before().postScanScripts(), diff.after().postScanScripts(),
                diff.postScanScripts());
        return out.toString();
    }

    private String banner(Scan scan) {
        List<String> parts = new ArrayList<>();
        parts.add(scan.scanner() != null && !scan.scanner().equals("nmap") ? scan.scanner() : "Nmap");
        if (scan.nmapVersion() != null) {
            parts.add(scan.nmapVersion());
        }
        parts.add("scan");
        if (scan.start() != null) {
            parts.add("initiated " + ctime(scan.start()));
        }
        if (scan.args() != null) {
            parts.add("as: " + scan.args());
        }
        return String.join(" ", parts);
    }

    String ctime(Instant instant) {
        return CTIME.format(instant.atZone(zone));
    }

    private void host(StringBuilder out, HostDiff diff) {
        NdiffHost a = NdiffHost.of(diff.before());
        NdiffHost b = NdiffHost.of(diff.after());
        if (diff.identityChanged()) {
            if (a.state() != null) {
                out.append('-').append(a.formatName()).append(":\n");
            }
            if (b.state() != null) {
                out.append('+').append(b.formatName()).append(":\n");
            }
        } else {
            out.append(' ').append(a.formatName()).append(":\n");
        }

        if (diff.stateChanged()) {
            if (a.state() != null) {
                out.append("-Host is ").append(a.state()).append(".\n");
            }
            if (b.state() != null) {
                out.append("+Host is ").append(b.state()).append(".\n");
            }
        } else if (verbose) {
            out.append(" Host is ").append(b.state()).append(".\n");
        }

        if (diff.extraPortsChanged()) {
            if (!a.extraPorts().isEmpty()) {
                out.append("-Not shown: ").append(a.extraPortsString()).append('\n');
            }
            if (!b.extraPorts().isEmpty()) {
                out.append("+Not shown: ").append(b.extraPortsString()).append('\n');
            }
        } else if (verbose && !a.extraPorts().isEmpty()) {
            out.append(" Not shown: ").append(a.extraPortsString()).append('\n');
        }

        NdiffTable table = new NdiffTable("", " ", " ", " ");
        String mark = a.state() == null ? "+" : b.state() == null ? "-" : " ";
        table.row(mark, "PORT", "STATE", "SERVICE", "VERSION");
        for (PortDiff port : diff.shownPorts(verbose)) {
            portRows(table, port);
        }
        if (table.size() > 1) {
            table.appendTo(out);
        }

        if (diff.osChanged() || verbose) {
            if (!a.os().isEmpty()) {
                out.append(b.os().isEmpty() ? "-OS details:\n" : " OS details:\n");
            } else if (!b.os().isEmpty()) {
                out.append("+OS details:\n");
            }
            for (OsEdit edit : diff.os()) {
                if (edit.kind() == OsEdit.Kind.EQUAL) {
                    edit.before().forEach(name -> out.append("   ").append(name).append('\n'));
                } else {
                    edit.before().forEach(name -> out.append("-  ").append(name).append('\n'));
                    edit.after().forEach(name -> out.append("+  ").append(name).append('\n'));
                }
            }
        }

        scriptSection(out, "Host script results", a.scripts(), b.scripts(), diff.scripts());
    }

    private void portRows(NdiffTable table, PortDiff diff) {
        String[] a = columns(diff.key().toString(), diff.before());
        String[] b = columns(diff.key().toString(), diff.after());
        if (Arrays.equals(a, b)) {
            // ndiff 7.9x crashes here unless -v; what it means is the unchanged row
            table.row(prepend(" ", a));
        } else {
            if (!diff.summarisedBefore()) {
                table.row(prepend("-", a));
            }
            if (!diff.summarisedAfter()) {
                table.row(prepend("+", b));
            }
        }
        for (ScriptDiff script : diff.scripts()) {
            if (script.changed() || verbose) {
                scriptLines(table, script);
            }
        }
    }

    private static String[] prepend(String mark, String[] columns) {
        String[] row = new String[columns.length + 1];
        row[0] = mark;
        System.arraycopy(columns, 0, row, 1, columns.length);
        return row;
    }

    private static String[] columns(String spec, @Nullable Port port) {
        Service s = port == null ? null : port.service();
        return new String[] {spec, port == null ? "unknown" : port.state().nmapName(), serviceName(s), ServiceText.version(s)};
    }

    private static @Nullable String serviceName(@Nullable Service s) {
        if (s == null) {
            return null;
        }
        List<String> parts = new ArrayList<>(2);
        if (s.tunnel() != null) {
            parts.add(s.tunnel());
        }
        parts.add(s.name());
        return String.join("/", parts);
    }

    private void scriptSection(StringBuilder out, String title, List<ScriptResult> a, List<ScriptResult> b,
            List<ScriptDiff> diffs) {
        NdiffTable table = new NdiffTable();
        for (ScriptDiff diff : diffs) {
            if (diff.changed() || verbose) {
                scriptLines(table, diff);
            }
        }
        if (table.size() > 0) {
            out.append('\n');
            out.append(b.isEmpty() ? '-' : a.isEmpty() ? '+' : ' ').append(title).append(":\n");
            table.appendTo(out);
        }
    }

    private void scriptLines(NdiffTable table, ScriptDiff diff) {
        List<String> a = lines(diff.before());
        List<String> b = lines(diff.after());
        if (a.equals(b) && !verbose) {
            return;
        }
        for (SequenceMatcher.Opcode op : SequenceMatcher.opcodes(a, b)) {
            if (op.tag() == SequenceMatcher.Tag.EQUAL) {
                a.subList(op.i1(), op.i2()).forEach(line -> table.raw(" " + line));
            } else {
                a.subList(op.i1(), op.i2()).forEach(line -> table.raw("-" + line));
                b.subList(op.j1(), op.j2()).forEach(line -> table.raw("+" + line));
            }
        }
    }

    /** A script result as nmap prints it: "|  id: first line", ..., "|_ last line". */
    private static List<String> lines(@Nullable ScriptResult result) {
        if (result == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(PyText.splitLines(result.output()));
        if (!lines.isEmpty()) {
            lines.set(0, result.id() + ": " + lines.get(0));
        }
        List<String> formatted = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            formatted.add((i < lines.size() - 1 ? "|  " : "|_ ") + lines.get(i));
        }
        return formatted;
    }
}
