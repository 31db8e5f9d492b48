package io.github.nmapdiff.core.internal.xml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Refuses elements nested deeper than a limit. The binding and the model are recursive where
 * nmap's script tables are, and a file with tables nested a hundred thousand deep would
 * otherwise end the reading with a {@link StackOverflowError}; nmap's own output nests a
 * dozen levels at most.
 */
final class DepthLimit extends StreamReaderDelegate {
    /** The deepest nesting read; nmap's deepest is about a dozen. */
    static final int MAX_DEPTH = 200;

    private int depth;

    DepthLimit(XMLStreamReader reader) {
        super(reader);
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
            if (++depth > MAX_DEPTH) {
                throw new XMLStreamException("elements are nested more than " + MAX_DEPTH
                        + " levels deep, which no nmap output is; the file is not a scan nmap wrote", getLocation());
            }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            depth--;
        }
        return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while ((event == XMLStreamConstants.CHARACTERS && isWhiteSpace()) || (event == XMLStreamConstants.CDATA && isWhiteSpace())
                || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || event == XMLStreamConstants.COMMENT) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("expected a start or end tag", getLocation());
        }
        return event;
    }
}
