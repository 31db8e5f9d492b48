package io.github.nmapdiff.core.model;

import java.util.List;
import java.util.Objects;

/**
 * What a scan covers: its targets (addresses, ranges, names, as the targets file lists them)
 * and the engine's arguments that decide which ports and probes it uses (nmap's scan options,
 * without those that only change how it runs). Immutable; two scopes are equal when both lists
 * are.
 */
public final class Scope {
    private static final Scope UNKNOWN = new Scope(List.of(), List.of());

    private final List<String> targets;
    private final List<String> arguments;

    private Scope(List<String> targets, List<String> arguments) {
        this.targets = List.copyOf(targets);
        this.arguments = List.copyOf(arguments);
    }

    /**
     * Returns a scope.
     *
     * @param targets the targets; never null
     * @param arguments the engine's arguments that decide what a scan covers; never null
     * @return the scope, never null
     */
    public static Scope of(List<String> targets, List<String> arguments) {
        return new Scope(Objects.requireNonNull(targets, "targets"), Objects.requireNonNull(arguments, "arguments"));
    }

    /** Returns the scope of a snapshot whose metadata was lost: no targets, no arguments. */
    public static Scope unknown() {
        return UNKNOWN;
    }

    /** Returns the targets; never null. */
    public List<String> targets() {
        return targets;
    }

    /** Returns the engine's arguments; never null. */
    public List<String> arguments() {
        return arguments;
    }

    /** Returns whether the scope is known: a snapshot whose metadata was lost has none. */
    public boolean known() {
        return !targets.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scope s && targets.equals(s.targets) && arguments.equals(s.arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(targets, arguments);
    }

    @Override
    public String toString() {
        return String.join(" ", targets) + " (" + String.join(" ", arguments) + ")";
    }
}
