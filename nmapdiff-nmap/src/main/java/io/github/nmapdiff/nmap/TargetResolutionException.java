package io.github.nmapdiff.nmap;

import io.github.nmapdiff.core.NmapDiffException;
import java.util.List;

/** No target could be scanned because none of the names resolved to an address. */
public final class TargetResolutionException extends NmapDiffException {
    private static final long serialVersionUID = 1L;

    private final List<String> unresolved;

    /**
     * Creates the exception.
     *
     * @param unresolved the names that did not resolve, never null
     */
    public TargetResolutionException(List<String> unresolved) {
        super("no target could be scanned: " + String.join(", ", unresolved)
                + " did not resolve to an address. Check the names and this machine's DNS (try: getent hosts NAME)");
        this.unresolved = List.copyOf(unresolved);
    }

    /** Returns the names that did not resolve; never null. */
    public List<String> unresolved() {
        return unresolved;
    }
}
