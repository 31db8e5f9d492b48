/** Keeps snapshots in a folder, as the nmap XML files that nmap wrote. */
module io.github.nmapdiff.store.fs {
    requires transitive io.github.nmapdiff.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.github.nmapdiff.store.fs;

    // the metadata beside each scan is read and written by Jackson
    opens io.github.nmapdiff.store.fs to com.fasterxml.jackson.databind;
}
