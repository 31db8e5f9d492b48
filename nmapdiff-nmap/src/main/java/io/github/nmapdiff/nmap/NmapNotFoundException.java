package io.github.nmapdiff.nmap;

import io.github.nmapdiff.core.NmapDiffException;
import org.jspecify.annotations.Nullable;

/** The nmap program cannot be started: it is not installed, or not where it was said to be. */
public final class NmapNotFoundException extends NmapDiffException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param executable the program that was tried, never null
     * @param cause why it could not start, may be null
     */
    public NmapNotFoundException(String executable, @Nullable Throwable cause) {
        super("cannot run nmap ('" + executable + "'): it is not installed or not on the PATH."
                + " Install it (Debian/Ubuntu: apt-get install nmap; Fedora: dnf install nmap; macOS: brew install nmap)"
                + " or give its full path", cause);
    }
}
