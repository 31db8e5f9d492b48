package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.diff.FileDiff;
import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.render.DiffJson;
import io.github.nmapdiff.core.render.NdiffText;
import io.github.nmapdiff.core.render.NdiffXml;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nmapdiff diff [-v] [--text|--xml|--json] A B}: ndiff, without its crashes. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {
            "Compares two nmap XML files and prints what changed, as nmap's ndiff does.",
            "Exit code: 0 no difference, 1 differences, 2 error."
        })
final class DiffCommand implements Callable<Integer> {
    /** Exit code when the scans differ. */
    static final int EXIT_DIFFERENT = 1;

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, description = "also show hosts and ports that have not changed")
    boolean verbose;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--text", description = "ndiff's text output (the default)")
        boolean text;

        @Option(names = "--xml", description = "ndiff's XML output")
        boolean xml;

        @Option(names = "--json", description = "nmapdiff's JSON document (format nmapdiff-diff, version 1)")
        boolean json;
    }

    @Parameters(index = "0", paramLabel = "A", description = "the older scan (nmap -oX)")
    Path before;

    @Parameters(index = "1", paramLabel = "B", description = "the newer scan (nmap -oX)")
    Path after;

    @Override
    public Integer call() {
        // -v shows every host, so it needs the scans whole; otherwise only the hosts that changed are read in full
        ScanDiff diff;
        if (verbose && !format.json) {
            NmapXmlReader reader = new NmapXmlReader();
            diff = ScanDiff.between(reader.read(before), reader.read(after));
        } else {
            diff = FileDiff.between(before, after);
        }
        PrintWriter err = spec.commandLine().getErr();
        warnIfIncomplete(err, before, diff.before());
        warnIfIncomplete(err, after, diff.after());

        ZoneId zone = ZoneId.systemDefault();
        String output;
        int cost;
        if (format.json) {
            output = DiffJson.render(diff);
            cost = diff.cost(false);
        } else if (format.xml) {
            output = NdiffXml.of(verbose, zone).render(diff);
            cost = diff.cost(verbose);
        } else {
            output = NdiffText.of(verbose, zone).render(diff);
            cost = diff.cost(verbose);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(output);
        out.flush();
        return cost > 0 ? EXIT_DIFFERENT : 0;
    }

    private static void warnIfIncomplete(PrintWriter err, Path file, Scan scan) {
        if (!scan.complete()) {
            err.println("nmapdiff: warning: " + file + " is an incomplete scan (nmap did not finish it);"
                    + " hosts it did not reach show as removed");
        }
    }
}
