package io.github.nmapdiff.examples;

/** What the simulations may ask of the command line's package-private parts. */
public final class NmapDiffCliAccess {
    private NmapDiffCliAccess() {
    }

    /** Whether the arguments ask for nmapdiff's own quiet mode. */
    public static boolean quiet(String... args) {
        return NmapDiffCli.quiet(args);
    }
}
