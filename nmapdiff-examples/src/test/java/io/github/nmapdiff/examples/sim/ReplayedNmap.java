package io.github.nmapdiff.examples.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A stand-in nmap for the simulations: it writes the night's recorded XML to its {@code -oX}
 * file and scans nothing. The nights are {@code night-N.xml} in a folder; {@link #night(int)}
 * says which one the next run replays.
 */
final class ReplayedNmap {
    private final Path nights;
    private final Path program;

    private ReplayedNmap(Path nights, Path program) {
        this.nights = nights;
        this.program = program;
    }

    /** A stand-in in {@code dir} that replays the nights of {@code nights}. */
    static ReplayedNmap in(Path dir, Path nights) throws Exception {
        Path script = dir.resolve("nmap-" + nights.getFileName());
        Files.writeString(script, String.join("\n",
                "#!/bin/bash",
                "out=''; while [ $# -gt 0 ]; do [ \"$1\" = -oX ] && out=$2; shift; done",
                "cp " + nights + "/night-$(cat " + nights.resolve("current") + ").xml \"$out\"",
                ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return new ReplayedNmap(nights, script);
    }

    /** Makes the next run replay night {@code n}. */
    ReplayedNmap night(int n) throws Exception {
        Files.writeString(nights.resolve("current"), Integer.toString(n));
        return this;
    }

    /** The program, for {@code --nmap}. */
    String program() {
        return program.toString();
    }
}
