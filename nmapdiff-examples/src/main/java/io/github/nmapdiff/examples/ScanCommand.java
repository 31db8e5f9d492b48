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
            "Scans the targets with nmap, keeps the scan in DIR, compares it with the last complete scan of the same targets",
            "and arguments, mails what changed (when --email is given: through sendmail, or --smtp-host) and prints it."
        }) // the exit codes are the footer, from ExitCode
final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Option(names = {"-q", "--quiet"}, description = "print only the summary, not the diff")
    boolean quiet;

    @Override
    public Integer call() {
        return Job.run(job, spec.commandLine().getOut(), spec.commandLine().getErr(), quiet);
    }
}
