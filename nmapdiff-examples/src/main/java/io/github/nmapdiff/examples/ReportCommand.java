package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.support.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nmapdiff report DIR -o report.html}: one self-contained HTML file of the job's memory. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes one self-contained HTML report: exposure now, findings per night, hosts over time, the noise.",
            "No network fetches: it opens from a file share or a mail attachment."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "the snapshot folder (or the database, with --store)")
    Path folder;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "the HTML file to write")
    Path output;

    @Option(names = "--rules", paramLabel = "FILE", description = "the rules to apply (default: those the job applied to its last night)")
    Path rulesFile;

    @Option(names = "--since", paramLabel = "DATE", description = "the first night shown (2026-10-01); default: the first")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "the last night shown; default: the last")
    String until;

    @Override
    public Integer call() {
        Instant from = since == null ? null : PointInTime.startOf(since);
        Instant to = until == null ? null : PointInTime.endOf(until);
        if (from != null && to != null && from.isAfter(to)) {
            throw new NmapDiffException("--since " + since + " is after --until " + until + ": nothing can be in between");
        }
        String html;
        try (HistorySource source = HistorySource.of(folder, store, spec.commandLine().getErr())) {
            html = HtmlReport.render(source.sites(rulesFile), source.describe(), from, to);
        }
        try {
            // it describes the network's weak points: readable by its owner only, as the snapshots are
            AtomicFiles.writeAtomically(output.toAbsolutePath(), html.getBytes(StandardCharsets.UTF_8), AtomicFiles.Access.OWNER);
        } catch (IOException e) {
            throw new NmapDiffException("cannot write " + output + ": " + AtomicFiles.describe(e));
        }
        spec.commandLine().getOut().println("nmapdiff: wrote " + output + " (" + html.length() / 1024 + " KiB)");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
