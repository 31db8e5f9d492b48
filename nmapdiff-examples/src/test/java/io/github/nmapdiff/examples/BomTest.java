package io.github.nmapdiff.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The BOM stands alone (no parent), so nothing keeps it in step with the build but this test:
 * its version is the build's, and it manages every library module the build has.
 */
class BomTest {
    private static Document pom(String path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(Path.of("..").resolve(path).toFile());
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    @Test
    void theBomHasTheBuildsVersionAndEveryLibraryModule() throws Exception {
        Document parent = pom("pom.xml");
        Document bom = pom("nmapdiff-bom/pom.xml");

        assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(child(parent.getDocumentElement(), "version"));
        List<String> modules = new ArrayList<>();
        NodeList declared = parent.getElementsByTagName("module");
        for (int i = 0; i < declared.getLength(); i++) {
            String module = declared.item(i).getTextContent().strip();
            if (!module.equals("nmapdiff-bom") && !module.equals("nmapdiff-examples")) {
                modules.add(module);
            }
        }
        List<String> managed = new ArrayList<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            managed.add(child((Element) dependencies.item(i), "artifactId"));
        }
        assertThat(managed).containsAll(modules).contains("jakarta.activation-api");
    }
}
