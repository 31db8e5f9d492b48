package io.github.nmapdiff.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One address of a host.
 *
 * @param address the address as nmap wrote it ({@code 192.0.2.1}, {@code ::1}, {@code 00:11:22:33:44:55}); never null
 * @param type the kind of address; never null
 * @param vendor the vendor of a MAC address's network card; may be null
 */
public record Address(String address, AddressType type, @Nullable String vendor) {

    /** Validates the fields. */
    public Address {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
    }
}
