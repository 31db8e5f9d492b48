package io.github.nmapdiff.core;

import java.io.IOException;

/**
 * Reading or writing a scan file failed for a reason outside the file's content: it does
 * not exist, cannot be read, or the disk is full.
 */
public final class ScanIoException extends NmapDiffException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the file, never null
     * @param cause the I/O failure, never null
     */
    public ScanIoException(String message, IOException cause) {
        super(message, cause);
    }
}
