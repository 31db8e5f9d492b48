package io.github.nmapdiff.nmap.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/** The last lines of a stream, for error messages; thread-safe. */
public final class Tail {
    private final int max;
    private final Deque<String> lines = new ArrayDeque<>();

    /** Keeps at most {@code max} lines. */
    public Tail(int max) {
        this.max = max;
    }

    /** Adds a line, dropping the oldest when full. */
    public synchronized void add(String line) {
        if (lines.size() == max) {
            lines.removeFirst();
        }
        lines.addLast(line.length() > 500 ? line.substring(0, 500) + "..." : line);
    }

    /** Returns the lines kept, each ending in a line feed. */
    @Override
    public synchronized String toString() {
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }
}
