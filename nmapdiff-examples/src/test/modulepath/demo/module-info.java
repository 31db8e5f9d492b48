/** A user's program on the module path: it requires nmapdiff's modules and nothing else. */
module demo {
    requires io.github.nmapdiff.store.fs;
    requires io.github.nmapdiff.notify.mail;
    requires io.github.nmapdiff.nmap;
}
