package io.github.nmapdiff.examples.bench;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * The floor of the benchmark: one pass of the JDK's StAX parser over each file, counting
 * elements and attribute characters, building nothing. No diff can read its input faster.
 */
public final class BareStaxPass {
    private BareStaxPass() {
    }

    public static void main(String[] args) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        long elements = 0;
        long chars = 0;
        for (String file : args) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(file)), 1 << 16)) {
                XMLStreamReader xml = factory.createXMLStreamReader(in);
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        elements++;
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            chars += xml.getAttributeValue(i).length();
                        }
                    }
                }
                xml.close();
            }
        }
        System.out.println(elements + " elements, " + chars + " attribute characters");
    }
}
