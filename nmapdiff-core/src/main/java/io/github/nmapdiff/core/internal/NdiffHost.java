package io.github.nmapdiff.core.internal;

import io.github.nmapdiff.core.model.Address;
import io.github.nmapdiff.core.model.ExtraPorts;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.HostIdentity;
import io.github.nmapdiff.core.model.HostName;
import io.github.nmapdiff.core.model.OsMatch;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.ScriptResult;
import io.github.nmapdiff.core.model.PortKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A host as ndiff sees it: addresses and names without repeats, ports by protocol and number
 * (the last listing wins), extraports by state, the OS match names, and the script results in
 * order of id and output. A missing host ({@code null}) has no state and nothing else.
 * Everything else a host holds is left out; {@link NdiffIgnores} names what of that changes
 * from scan to scan, for the fast path to leave out too.
 */
public final class NdiffHost {
    /** ndiff orders addresses IPv4, IPv6, MAC, then by text. */
    public static final Comparator<Address> ADDRESS_ORDER = HostIdentity.ADDRESS_ORDER;
    /** Host and port script results are compared in order of id, then output. */
    public static final Comparator<ScriptResult> SCRIPT_ORDER =
            Comparator.comparing(ScriptResult::id, PyText.ORDER).thenComparing(ScriptResult::output, PyText.ORDER);

    private final @Nullable String state;
    private final List<Address> addresses;
    private final List<String> hostNames;
    private final Map<PortKey, Port> ports;
    private final Map<String, Integer> extraPorts;
    private final List<String> os;
    private final List<ScriptResult> scripts;

    private NdiffHost(@Nullable Host host) {
        if (host == null) {
            state = null;
            addresses = List.of();
            hostNames = List.of();
            ports = Map.of();
            extraPorts = Map.of();
            os = List.of();
            scripts = List.of();
            return;
        }
        state = host.status().state().nmapName();
        LinkedHashSet<Address> uniqueAddresses = new LinkedHashSet<>();
        for (Address a : host.addresses()) {
            uniqueAddresses.add(new Address(a.address(), a.type(), null));
        }
        addresses = List.copyOf(uniqueAddresses);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (HostName n : host.hostNames()) {
            if (n.name() != null) {
                names.add(n.name());
            }
        }
        hostNames = List.copyOf(names);
        ports = new LinkedHashMap<>();
        for (Port p : host.ports()) {
            ports.put(PortKey.of(p), p);
        }
        extraPorts = new LinkedHashMap<>();
        for (ExtraPorts e : host.extraPorts()) {
            extraPorts.put(e.state().nmapName(), e.count());
        }
        os = host.os().matches().stream().map(OsMatch::name).toList();
        List<ScriptResult> sorted = new ArrayList<>(host.scripts());
        sorted.sort(SCRIPT_ORDER);
        scripts = List.copyOf(sorted);
    }

    /** Returns ndiff's view of a host, or of a missing host when {@code host} is null. */
    public static NdiffHost of(@Nullable Host host) {
        return new NdiffHost(host);
    }

    /** Returns the host's state, or null for a missing host. */
    public @Nullable String state() {
        return state;
    }

    /** Returns the addresses without repeats, in the order of the file. */
    public List<Address> addresses() {
        return addresses;
    }

    /** Returns the addresses in ndiff's display order. */
    public List<Address> sortedAddresses() {
        return addresses.stream().sorted(ADDRESS_ORDER).toList();
    }

    /** Returns the host names without repeats, in the order of the file. */
    public List<String> hostNames() {
        return hostNames;
    }

    /** Returns the host names in order. */
    public List<String> sortedHostNames() {
        return hostNames.stream().sorted(PyText.ORDER).toList();
    }

    /** Returns the ports by key; the last listing of a key wins. */
    public Map<PortKey, Port> ports() {
        return ports;
    }

    /** Returns the extraports counts by state, in the order of the file. */
    public Map<String, Integer> extraPorts() {
        return extraPorts;
    }

    /** Returns the names of the OS matches, in the order of the file. */
    public List<String> os() {
        return os;
    }

    /** Returns the host script results in order of id and output. */
    public List<ScriptResult> scripts() {
        return scripts;
    }

    /**
     * Returns ndiff's key for matching hosts across scans: the first address padded to 40
     * characters, then the first host name; null for a host with neither, which is never matched.
     */
    public @Nullable String id() {
        String address = addresses.isEmpty() ? null : PyText.ljust(sortedAddresses().get(0).address(), 40);
        if (!hostNames.isEmpty()) {
            return (address == null ? " ".repeat(40) : address) + sortedHostNames().get(0);
        }
        return address;
    }

    /** Returns the name ndiff prints for the host: "names (addresses)", either alone, or "&lt;no name&gt;". */
    public String formatName() {
        String addressText = String.join(", ", sortedAddresses().stream().map(Address::address).toList());
        String nameText = String.join(", ", sortedHostNames());
        if (!nameText.isEmpty()) {
            return addressText.isEmpty() ? nameText : nameText + " (" + addressText + ")";
        }
        return addressText.isEmpty() ? "<no name>" : addressText;
    }

    /** Returns whether a port in this state is summarised, not listed: no state, or an extraports state. */
    public boolean isExtraPorts(@Nullable String portState) {
        return portState == null || extraPorts.containsKey(portState);
    }

    /** Returns ndiff's "Not shown:" text: "995 filtered ports, 3 closed ports", largest count first. */
    public String extraPortsString() {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(extraPorts.entrySet());
        // ndiff sorts (count, state) pairs in reverse: by count, then by state, both descending
        entries.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .thenComparing(Map.Entry::getKey, PyText.ORDER).reversed());
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : entries) {
            parts.add(e.getValue() + " " + e.getKey() + " ports");
        }
        return String.join(", ", parts);
    }
}
