package io.github.nmapdiff.examples;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nmapdiff scan -f ips.txt --email ADDR -o DIR}: the nightly job, once. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {
            "Runs the nightly job once: scans, keeps, compares, mails and prints what changed.",
            "Scans the targets with nmap, keeps the scan in DIR, compares it with what the job remembers of the network,",
            "and reports what is worth a look, by severity: exposure on its night, removals once confirmed; it mails that",
            "(when --email is given: through sendmail, or --smtp-host) and prints it. Nothing to report: no mail."
        }) // the exit codes are the footer, from ExitCode
final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Option(names = {"-q", "--quiet"}, description = "for cron: print nothing on a night with nothing to report, and no progress; with findings, only the summary line; warnings and errors always")
    boolean quiet;

    @Override
    public Integer call() {
        return Job.run(job, spec.commandLine().getOut(), spec.commandLine().getErr(), quiet);
    }
}
