package io.github.nmapdiff.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one scan type of a run covered: nmap writes one per scan type and protocol.
 *
 * @param type the scan type, such as {@code syn}, {@code connect} or {@code udp}; never null
 * @param protocol the protocol scanned; never null
 * @param numberOfServices how many ports were scanned
 * @param services the ports scanned, in nmap's range syntax ({@code 1-100,443}); never null
 * @param scanFlags the TCP flags of a custom {@code --scanflags} scan; may be null
 */
public record ScanInfo(String type, Protocol protocol, int numberOfServices, String services, @Nullable String scanFlags) {

    /** Validates the fields. */
    public ScanInfo {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(services, "services");
    }
}
