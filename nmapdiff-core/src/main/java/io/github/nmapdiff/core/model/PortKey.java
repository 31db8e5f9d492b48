package io.github.nmapdiff.core.model;

import java.util.Objects;

/**
 * What identifies a port across two scans: its number and protocol. Ordered by number, then
 * by protocol name, as ndiff orders ports.
 *
 * @param number the port number
 * @param protocol the protocol; never null
 */
public record PortKey(int number, Protocol protocol) implements Comparable<PortKey> {

    /** Validates the fields. */
    public PortKey {
        Objects.requireNonNull(protocol, "protocol");
    }

    /** Returns the key of a port. */
    public static PortKey of(Port port) {
        return new PortKey(port.number(), port.protocol());
    }

    @Override
    public int compareTo(PortKey other) {
        int byNumber = Integer.compare(number, other.number);
        return byNumber != 0 ? byNumber : CodePointOrder.ORDER.compare(protocol.nmapName(), other.protocol.nmapName());
    }

    /** Returns the port as nmap writes it: {@code 22/tcp}. */
    @Override
    public String toString() {
        return number + "/" + protocol.nmapName();
    }
}
