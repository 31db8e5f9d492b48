package io.github.nmapdiff.core.render;

import io.github.nmapdiff.core.model.Service;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A service as nmap and ndiff print it: {@code OpenSSH 9.2p1 (protocol 2.0)}. */
public final class ServiceText {
    private ServiceText() {
    }

    /**
     * Returns nmap's VERSION column: product, version and, in parentheses, extra info.
     *
     * @param service the service, may be null
     * @return the text, or null when the service is null or has none of the three
     */
    public static @Nullable String version(@Nullable Service service) {
        if (service == null) {
            return null;
        }
        List<String> parts = new ArrayList<>(3);
        if (service.product() != null) {
            parts.add(service.product());
        }
        if (service.version() != null) {
            parts.add(service.version());
        }
        if (service.extraInfo() != null) {
            parts.add("(" + service.extraInfo() + ")");
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /**
     * Returns the service's name followed by its version column: {@code ssh OpenSSH 9.2p1}.
     *
     * @param service the service, may be null
     * @return the text; empty for a null service
     */
    public static @Nullable String describe(@Nullable Service service) {
        if (service == null) {
            return "";
        }
        String version = version(service);
        return version == null ? service.name() : service.name() + " " + version;
    }
}
