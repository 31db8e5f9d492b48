package io.github.nmapdiff.examples.sim;

import io.github.nmapdiff.examples.NmapDiffCli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The command line in this JVM, as the simulations drive it: its exit code, stdout and stderr. */
final class Cli {
    private Cli() {
    }

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NmapDiffCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
