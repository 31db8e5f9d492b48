/** Runs nmap as a {@link io.github.nmapdiff.core.spi.ScanEngine}: options, targets, progress, time limits, stopping. */
module io.github.nmapdiff.nmap {
    requires transitive io.github.nmapdiff.core;
    requires org.slf4j;

    exports io.github.nmapdiff.nmap;
}
