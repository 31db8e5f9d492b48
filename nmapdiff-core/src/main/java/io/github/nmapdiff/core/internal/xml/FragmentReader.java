package io.github.nmapdiff.core.internal.xml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.jspecify.annotations.Nullable;

/**
 * Hands JAXB one element and keeps a failure that comes after the element's end for later.
 *
 * <p>JAXB moves the reader one event past the end of the element it unmarshals. In a file cut
 * short right after a host, that step fails, and JAXB would drop the host it had read whole.
 * This delegate takes the failure instead, tells JAXB the document ended, and keeps the
 * failure for the caller, who reads it after taking the host.
 */
final class FragmentReader extends StreamReaderDelegate {
    private int depth;
    private boolean afterEnd;
    private @Nullable XMLStreamException deferred;

    FragmentReader(XMLStreamReader reader) {
        super(reader);
    }

    /** Starts a fragment; the reader is on its start element. */
    void begin() {
        depth = 1;
        afterEnd = false;
        deferred = null;
    }

    /** Returns the failure that followed the fragment's end, or null; clears it. */
    @Nullable XMLStreamException takeDeferred() {
        XMLStreamException e = deferred;
        deferred = null;
        return e;
    }

    @Override
    public int next() throws XMLStreamException {
        if (afterEnd) {
            try {
                return super.next();
            } catch (XMLStreamException e) {
                deferred = e;
                return XMLStreamConstants.END_DOCUMENT;
            }
        }
        int event = super.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
            depth++;
        } else if (event == XMLStreamConstants.END_ELEMENT && --depth == 0) {
            afterEnd = true;
        }
        return event;
    }

    @Override
    public int getEventType() {
        return deferred != null ? XMLStreamConstants.END_DOCUMENT : super.getEventType();
    }

    @Override
    public boolean hasNext() throws XMLStreamException {
        return deferred == null && super.hasNext();
    }
}
