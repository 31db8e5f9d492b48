package io.github.nmapdiff.core.internal.xml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Moving a StAX reader over elements. */
final class Elements {
    private Elements() {
    }

    /**
     * Skips the rest of the element whose start the reader is on, leaving it on the element's
     * end. An entity reference fails: nmap XML has none, and nmapdiff expands none.
     */
    static void skipRest(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("entity reference &" + xml.getLocalName() + "; refused", xml.getLocation());
            }
        }
    }
}
