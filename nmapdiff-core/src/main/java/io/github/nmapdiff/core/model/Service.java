package io.github.nmapdiff.core.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What nmap thinks runs on a port, from its port table or from version detection ({@code -sV}).
 *
 * @param name the service name, such as {@code ssh}; never null
 * @param product the product, such as {@code OpenSSH}; may be null
 * @param version the product's version; may be null
 * @param extraInfo more about the product, such as {@code protocol 2.0}; may be null
 * @param tunnel {@code ssl} when the service speaks through TLS; may be null
 * @param proto {@code rpc} for an RPC service; may be null
 * @param rpcNumber the RPC program number; may be null
 * @param lowVersion the lowest RPC version; may be null
 * @param highVersion the highest RPC version; may be null
 * @param hostName the host name the service announced; may be null
 * @param osType the OS the service announced; may be null
 * @param deviceType the device type the service announced; may be null
 * @param serviceFingerprint nmap's fingerprint of an unrecognised service; may be null
 * @param method {@code table} (guessed from the port number) or {@code probed}; may be null
 * @param confidence nmap's confidence, 0 to 10; may be null
 * @param cpes the service's CPE names; never null
 */
public record Service(
        String name,
        @Nullable String product,
        @Nullable String version,
        @Nullable String extraInfo,
        @Nullable String tunnel,
        @Nullable String proto,
        @Nullable Integer rpcNumber,
        @Nullable Integer lowVersion,
        @Nullable Integer highVersion,
        @Nullable String hostName,
        @Nullable String osType,
        @Nullable String deviceType,
        @Nullable String serviceFingerprint,
        @Nullable String method,
        @Nullable Integer confidence,
        List<String> cpes) {

    /** Validates the fields and copies the list. */
    public Service {
        Objects.requireNonNull(name, "name");
        cpes = List.copyOf(Objects.requireNonNull(cpes, "cpes"));
    }
}
