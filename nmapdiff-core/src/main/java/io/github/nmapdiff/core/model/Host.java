package io.github.nmapdiff.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One host of a scan, as nmap reported it.
 *
 * <p>Lists are never null; they are empty where nmap wrote nothing. Instances are immutable
 * and thread-safe.
 *
 * @param status whether the host is up, and why nmap thinks so; never null
 * @param addresses the host's addresses (IPv4, IPv6, MAC), in the order of the file; never null
 * @param hostNames the host's names, given or found by reverse DNS; never null
 * @param extraPorts the summaries of ports nmap did not list one by one; never null
 * @param ports the ports nmap listed, in the order of the file; never null
 * @param scripts results of host scripts; never null
 * @param os what OS detection ({@code -O}) found; never null, empty when it did not run
 * @param uptime the host's uptime guess; may be null
 * @param distance the host's distance in network hops; may be null
 * @param trace the route to the host ({@code --traceroute}); may be null
 * @param startTime when nmap started scanning this host; may be null
 * @param endTime when nmap finished scanning this host; may be null
 * @param timedOut whether nmap gave up on this host ({@code --host-timeout})
 * @param comment nmap's comment on the host; may be null
 */
public record Host(
        HostStatus status,
        List<Address> addresses,
        List<HostName> hostNames,
        List<ExtraPorts> extraPorts,
        List<Port> ports,
        List<ScriptResult> scripts,
        OsDetection os,
        @Nullable Uptime uptime,
        @Nullable Integer distance,
        @Nullable Trace trace,
        @Nullable Instant startTime,
        @Nullable Instant endTime,
        boolean timedOut,
        @Nullable String comment) {

    /** Validates the fields and copies the lists. */
    public Host {
        Objects.requireNonNull(status, "status");
        addresses = List.copyOf(Objects.requireNonNull(addresses, "addresses"));
        hostNames = List.copyOf(Objects.requireNonNull(hostNames, "hostNames"));
        extraPorts = List.copyOf(Objects.requireNonNull(extraPorts, "extraPorts"));
        ports = List.copyOf(Objects.requireNonNull(ports, "ports"));
        scripts = List.copyOf(Objects.requireNonNull(scripts, "scripts"));
        Objects.requireNonNull(os, "os");
    }

    /**
     * Returns the first address of a kind.
     *
     * @param type the kind of address, never null
     * @return the address, or empty when the host has none of that kind
     */
    public Optional<Address> address(AddressType type) {
        Objects.requireNonNull(type, "type");
        return addresses.stream().filter(a -> a.type() == type).findFirst();
    }

    /**
     * Returns the port with a protocol and number.
     *
     * @param protocol the protocol, never null
     * @param number the port number
     * @return the port, or empty when nmap did not list it
     */
    public Optional<Port> port(Protocol protocol, int number) {
        Objects.requireNonNull(protocol, "protocol");
        return ports.stream().filter(p -> p.protocol() == protocol && p.number() == number).findFirst();
    }
}
