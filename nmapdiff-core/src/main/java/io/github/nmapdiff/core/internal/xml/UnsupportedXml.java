package io.github.nmapdiff.core.internal.xml;

/**
 * What the byte-level reading of nmap's XML does not take (CDATA, an entity of a DTD, a file cut
 * short, ...): the file is then read the careful way. Without a stack trace: it is an answer,
 * not an error.
 */
final class UnsupportedXml extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedXml(String why) {
        super(why, null, false, false);
    }
}
