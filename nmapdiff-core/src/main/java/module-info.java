/**
 * nmapdiff's core: the scan model, the nmap XML reader and writer, the diff and its
 * renderings, the SPI that plugins implement, and the monitoring pipeline. Packages named
 * {@code internal} are not exported, to anyone: what other modules need is API.
 */
// the modules named in qualified exports and opens come later in the build, or only at run time
@SuppressWarnings("module")
module io.github.nmapdiff.core {
    requires transitive org.jspecify;
    requires java.xml;
    requires jakarta.xml.bind;
    requires com.fasterxml.jackson.core;

    exports io.github.nmapdiff.core;
    exports io.github.nmapdiff.core.diff;
    exports io.github.nmapdiff.core.memory;
    exports io.github.nmapdiff.core.model;
    exports io.github.nmapdiff.core.render;
    exports io.github.nmapdiff.core.run;
    exports io.github.nmapdiff.core.spi;
    exports io.github.nmapdiff.core.support;
    exports io.github.nmapdiff.core.xml;

    // JAXB binds the nmap XML to these classes by reflection
    opens io.github.nmapdiff.core.internal.xml to jakarta.xml.bind, org.glassfish.jaxb.runtime, org.glassfish.jaxb.core;

    uses io.github.nmapdiff.core.spi.NotifierProvider;
}
