package io.github.nmapdiff.core.diff;

import java.util.List;
import java.util.Objects;

/**
 * Names a host in a {@link Change}.
 *
 * @param name the host as ndiff prints it: "names (addresses)", or either alone; never null
 * @param addresses the host's addresses, IPv4 first, then IPv6, then MAC; never null
 * @param hostNames the host's names, sorted; never null
 */
public record HostRef(String name, List<String> addresses, List<String> hostNames) {

    /** Validates the fields and copies the lists. */
    public HostRef {
        Objects.requireNonNull(name, "name");
        addresses = List.copyOf(addresses);
        hostNames = List.copyOf(hostNames);
    }
}
