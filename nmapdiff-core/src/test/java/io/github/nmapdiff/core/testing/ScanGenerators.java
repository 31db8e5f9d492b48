package io.github.nmapdiff.core.testing;

import io.github.nmapdiff.core.model.Address;
import io.github.nmapdiff.core.model.AddressType;
import io.github.nmapdiff.core.model.ExitStatus;
import io.github.nmapdiff.core.model.ExtraPorts;
import io.github.nmapdiff.core.model.ExtraReasons;
import io.github.nmapdiff.core.model.Hop;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.HostName;
import io.github.nmapdiff.core.model.HostNameType;
import io.github.nmapdiff.core.model.HostState;
import io.github.nmapdiff.core.model.HostStatus;
import io.github.nmapdiff.core.model.OsClass;
import io.github.nmapdiff.core.model.OsDetection;
import io.github.nmapdiff.core.model.OsMatch;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.PortState;
import io.github.nmapdiff.core.model.PortUsed;
import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.model.RunStats;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.ScanInfo;
import io.github.nmapdiff.core.model.ScriptElement;
import io.github.nmapdiff.core.model.ScriptResult;
import io.github.nmapdiff.core.model.Service;
import io.github.nmapdiff.core.model.Trace;
import io.github.nmapdiff.core.model.Uptime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of whole scans: every field of the model, including the characters
 * that XML escapes ({@code <>&"'}, line breaks, tabs) and text beyond ASCII.
 */
public final class ScanGenerators {
    private static final String CHARS = "abcXYZ019 .-_:/()<>&\"'\n\t\r|=éü日本\uD83D\uDE00";

    private ScanGenerators() {
    }

    /** Strings of 0 to 12 characters drawn from a pool that exercises escaping. */
    public static Gen<String> text() {
        Gen<Integer> length = Generate.range(0, 12);
        Gen<Integer> index = Generate.range(0, CHARS.length() - 1);
        return in -> {
            int n = length.generate(in);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                char c = CHARS.charAt(index.generate(in));
                if (Character.isSurrogate(c)) {
                    s.append("\uD83D\uDE00");
                } else {
                    s.append(c);
                }
            }
            return s.toString();
        };
    }

    private static <T> Gen<T> nullable(Gen<T> gen) {
        Gen<Integer> coin = Generate.range(0, 3);
        return in -> coin.generate(in) == 0 ? null : gen.generate(in);
    }

    private static <T> Gen<List<T>> listOf(Gen<T> gen, int max) {
        Gen<Integer> size = Generate.range(0, max);
        return in -> {
            int n = size.generate(in);
            List<T> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(gen.generate(in));
            }
            return list;
        };
    }

    private static Gen<Instant> seconds() {
        return Generate.longRange(0, 4_000_000_000L).map((Long l) -> Instant.ofEpochSecond(l));
    }

    private static Gen<Integer> small() {
        return Generate.range(0, 1000);
    }

    /** Whole scans of 0 to 4 hosts. */
    public static Gen<Scan> scans() {
        Gen<String> s = text();
        Gen<String> ns = nullable(text());
        Gen<ScanInfo> info = in -> new ScanInfo(s.generate(in), Generate.enumValues(Protocol.class).generate(in),
                small().generate(in), s.generate(in), ns.generate(in));
        Gen<RunStats> stats = in -> new RunStats(nullable(seconds()).generate(in), ns.generate(in),
                nullable(Generate.range(0, 100000).map((Integer i) -> new BigDecimal(i).movePointLeft(2))).generate(in),
                ns.generate(in), nullable(Generate.enumValues(ExitStatus.class)).generate(in), ns.generate(in),
                small().generate(in), small().generate(in), small().generate(in));
        return in -> {
            RunStats runStats = nullable(stats).generate(in);
            return new Scan(ns.generate(in), ns.generate(in), ns.generate(in), ns.generate(in),
                    nullable(seconds()).generate(in), ns.generate(in), listOf(info, 2).generate(in), small().generate(in),
                    small().generate(in), listOf(scripts(), 2).generate(in), listOf(hosts(), 4).generate(in),
                    listOf(scripts(), 2).generate(in), runStats,
                    // a scan reads back as complete exactly when it has run statistics without an error
                    runStats != null && runStats.exit() != ExitStatus.ERROR);
        };
    }

    /** Hosts with every part of the model. */
    public static Gen<Host> hosts() {
        Gen<String> s = text();
        Gen<String> ns = nullable(text());
        Gen<Integer> ni = nullable(small());
        Gen<Address> address = in -> new Address(s.generate(in), Generate.enumValues(AddressType.class).generate(in), ns.generate(in));
        Gen<HostName> name = in -> new HostName(ns.generate(in), nullable(Generate.enumValues(HostNameType.class)).generate(in));
        Gen<ExtraReasons> reasons = in -> new ExtraReasons(s.generate(in), small().generate(in),
                nullable(Generate.enumValues(Protocol.class)).generate(in), ns.generate(in));
        Gen<ExtraPorts> extra = in -> new ExtraPorts(Generate.enumValues(PortState.class).generate(in), small().generate(in),
                listOf(reasons, 2).generate(in));
        Gen<OsClass> osClass = in -> new OsClass(s.generate(in), ns.generate(in), ns.generate(in), small().generate(in),
                s.generate(in), listOf(s, 2).generate(in));
        Gen<OsDetection> os = in -> new OsDetection(
                listOf(in2 -> new PortUsed(Generate.enumValues(PortState.class).generate(in2),
                        Generate.enumValues(Protocol.class).generate(in2), Generate.range(0, 65535).generate(in2)), 2).generate(in),
                listOf(in2 -> new OsMatch(s.generate(in2), small().generate(in2), ni.generate(in2), listOf(osClass, 2).generate(in2)), 2)
                        .generate(in),
                listOf(osClass, 2).generate(in),
                listOf(s, 1).generate(in));
        Gen<Trace> trace = in -> new Trace(ns.generate(in), ni.generate(in),
                listOf(in2 -> new Hop(small().generate(in2), ns.generate(in2), ns.generate(in2), ns.generate(in2)), 3).generate(in));
        return in -> new Host(
                new HostStatus(Generate.enumValues(HostState.class).generate(in), ns.generate(in), ni.generate(in)),
                listOf(address, 3).generate(in),
                listOf(name, 2).generate(in),
                listOf(extra, 2).generate(in),
                listOf(ports(), 4).generate(in),
                listOf(scripts(), 2).generate(in),
                os.generate(in),
                nullable((RandomnessSource in2) -> new Uptime(Generate.longRange(0, 1L << 40).generate(in2), ns.generate(in2))).generate(in),
                ni.generate(in),
                nullable(trace).generate(in),
                nullable(seconds()).generate(in),
                nullable(seconds()).generate(in),
                Generate.booleans().generate(in),
                ns.generate(in));
    }

    /** Ports with services and scripts. */
    public static Gen<Port> ports() {
        Gen<String> s = text();
        Gen<String> ns = nullable(text());
        Gen<Integer> ni = nullable(small());
        Gen<Service> service = in -> new Service(s.generate(in), ns.generate(in), ns.generate(in), ns.generate(in),
                ns.generate(in), ns.generate(in), ni.generate(in), ni.generate(in), ni.generate(in), ns.generate(in),
                ns.generate(in), ns.generate(in), ns.generate(in), ns.generate(in), nullable(Generate.range(0, 10)).generate(in),
                listOf(s, 2).generate(in));
        return in -> new Port(Generate.enumValues(Protocol.class).generate(in), Generate.range(0, 65535).generate(in),
                Generate.enumValues(PortState.class).generate(in), ns.generate(in), ni.generate(in), ns.generate(in),
                ns.generate(in), nullable(service).generate(in), listOf(scripts(), 2).generate(in));
    }

    /** Script results with nested structured output. */
    public static Gen<ScriptResult> scripts() {
        Gen<String> s = text();
        return in -> new ScriptResult(s.generate(in), s.generate(in), elements(2).generate(in));
    }

    private static Gen<List<ScriptElement>> elements(int depth) {
        Gen<String> s = text();
        Gen<String> ns = nullable(text());
        Gen<Integer> kind = Generate.range(0, 2);
        return listOf(in -> depth > 0 && kind.generate(in) == 0
                ? new ScriptElement.Table(ns.generate(in), elements(depth - 1).generate(in))
                : new ScriptElement.Elem(ns.generate(in), s.generate(in)), 3);
    }
}
