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
            "Scans the targets with nmap, keeps the scan in DIR, compares it with the last complete scan,",
            "mails the changes (to DIR/outbox when no SMTP server is set) and prints them."
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
