package io.github.nmapdiff.core.diff;

import io.github.nmapdiff.core.model.ScriptResult;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One script's results in the two scans, matched by script id.
 *
 * @param before the result in the first scan; null when the script gave none there
 * @param after the result in the second scan; null when the script gave none there
 */
public record ScriptDiff(@Nullable ScriptResult before, @Nullable ScriptResult after) {

    /** Requires at least one side. */
    public ScriptDiff {
        if (before == null && after == null) {
            throw new IllegalArgumentException("a script diff needs a result on at least one side");
        }
    }

    /** Returns the script's id; never null. */
    public String id() {
        return before != null ? before.id() : Objects.requireNonNull(after, "after").id();
    }

    /** Returns whether the script's output differs, or the script ran on one side only. */
    public boolean changed() {
        return before == null || after == null || !before.output().equals(after.output());
    }

    /** Returns what this adds to ndiff's cost: 1 for a change, and with {@code -v} 1 for any pair. */
    int cost(boolean verbose) {
        return changed() || verbose ? 1 : 0;
    }
}
