package io.github.nmapdiff.core.internal.xml;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * The one place where nmapdiff makes XML parsers.
 *
 * <p>nmap's XML never needs a DTD: at most it names one ({@code <!DOCTYPE nmaprun>}). So the
 * factory ignores DTDs altogether, which leaves no entity to expand (no "billion laughs") and
 * nothing external to fetch (no XXE): a reference to a declared entity fails as undeclared.
 */
public final class SafeXml {
    private static final XMLInputFactory INPUT = create();

    private SafeXml() {
    }

    /** Returns the shared, thread-safe input factory; its parsers are not thread-safe. */
    public static XMLInputFactory inputFactory() {
        return INPUT;
    }

    private static XMLInputFactory create() {
        // the JDK's own parser, whatever else is on the class path, so the settings below are known to hold
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }
}
