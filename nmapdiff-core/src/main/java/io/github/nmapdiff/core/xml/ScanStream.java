package io.github.nmapdiff.core.xml;

import io.github.nmapdiff.core.MalformedScanException;
import io.github.nmapdiff.core.ScanIoException;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.Scan;
import java.util.Iterator;

/**
 * The hosts of one nmap XML file, read one at a time, so that a file of any size is read in
 * memory that does not grow with its number of hosts.
 *
 * <p>Iterate, then call {@link #scan()} for everything else the file holds. A file cut short
 * ends the iteration after its last complete host; {@link #scan()} then says the scan is not
 * complete. A stream is not thread-safe; close it when done.
 */
public interface ScanStream extends Iterator<Host>, AutoCloseable {

    /**
     * Returns whether another host follows.
     *
     * @throws MalformedScanException when the file is not well-formed nmap XML
     * @throws ScanIoException when the file cannot be read
     */
    @Override
    boolean hasNext();

    /**
     * Returns the scan read so far, without its hosts: the run's header, scan info and
     * pre-scan scripts at once, and after the last host also the post-scan scripts, the run
     * statistics and whether the scan is complete.
     *
     * @return the scan with an empty host list; never null
     */
    Scan scan();

    /** Closes the file; idempotent. */
    @Override
    void close();
}
