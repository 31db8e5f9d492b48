package io.github.nmapdiff.core.internal.xml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the line feeds read and remembers reaching the end, so that the reader can tell a
 * file that was cut short (its error is on the last line) from one that is broken inside.
 */
final class LineCountingInputStream extends FilterInputStream {
    private long lineFeeds;
    private boolean endReached;

    LineCountingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b == '\n') {
            lineFeeds++;
        } else if (b < 0) {
            endReached = true;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            endReached = true;
        }
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == '\n') {
                lineFeeds++;
            }
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Returns whether the parser has read the input to its end. */
    boolean endReached() {
        return endReached;
    }

    /** Returns the number of the input's last line, once the end is reached. */
    long lastLine() {
        return lineFeeds + 1;
    }
}
