package io.github.nmapdiff.core.diff;

import io.github.nmapdiff.core.model.PortKey;
import io.github.nmapdiff.core.model.HostState;
import io.github.nmapdiff.core.model.PortState;
import io.github.nmapdiff.core.model.Service;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One change between two scans, typed so that a program (a notifier, say) can pick the kinds
 * it cares about: {@code if (change instanceof Change.PortOpened opened) ...}.
 *
 * <p>Each change names its host (null only for pre- and post-scan script results). A port
 * counts as opened when it is open after and was not open before (not listed, closed,
 * filtered...), as closed in the reverse case; other state changes are {@link PortStateChanged}.
 */
public sealed interface Change {

    /** Returns the host the change is about; null for a pre- or post-scan script result. */
    @Nullable HostRef host();

    /**
     * Returns the kind of change, for a {@code switch} that covers every kind (Java 17 cannot
     * switch over the sealed records themselves without a preview feature).
     *
     * @return the kind, never null
     */
    Kind kind();

    /**
     * The kinds of change: one per record of {@link Change}, in the order a summary lists them,
     * each with its stable name for JSON ({@link #id()}) and its labels for people, which the
     * summary line and the mail share.
     */
    enum Kind {
        /** {@link HostAdded}. */
        HOST_ADDED("host-added", "host added", "hosts added"),
        /** {@link HostRemoved}. */
        HOST_REMOVED("host-removed", "host removed", "hosts removed"),
        /** {@link HostStateChanged}. */
        HOST_STATE_CHANGED("host-state-changed", "host state changed", "host states changed"),
        /** {@link HostIdentityChanged}. */
        HOST_IDENTITY_CHANGED("host-identity-changed", "host name or address changed", "host names or addresses changed"),
        /** {@link PortOpened}. */
        PORT_OPENED("port-opened", "port opened", "ports opened"),
        /** {@link PortClosed}. */
        PORT_CLOSED("port-closed", "port closed", "ports closed"),
        /** {@link PortStateChanged}. */
        PORT_STATE_CHANGED("port-state-changed", "port state changed", "port states changed"),
        /** {@link ServiceChanged}. */
        SERVICE_CHANGED("service-changed", "service version changed", "service versions changed"),
        /** {@link ExtraPortsChanged}. */
        EXTRAPORTS_CHANGED("extraports-changed", "unlisted port count changed", "unlisted port counts changed"),
        /** {@link OsChanged}. */
        OS_CHANGED("os-changed", "OS guess changed", "OS guesses changed"),
        /** {@link ScriptChanged}. */
        SCRIPT_CHANGED("script-changed", "script result changed", "script results changed");

        private final String id;
        private final String one;
        private final String many;

        Kind(String id, String one, String many) {
            this.id = id;
            this.one = one;
            this.many = many;
        }

        /** Returns the short kebab-case name, stable for JSON: {@code port-opened}; never null. */
        public String id() {
            return id;
        }

        /**
         * Returns the label for people, for one change or several: {@code port opened}, {@code ports opened}.
         *
         * @param count how many changes of this kind the label is for
         * @return the label, never null
         */
        public String label(int count) {
            return count == 1 ? one : many;
        }
    }

    /**
     * A host appeared.
     *
     * @param host the host
     * @param state its state
     */
    record HostAdded(HostRef host, HostState state) implements Change {
        /** Validates the fields. */
        public HostAdded {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public Kind kind() {
            return Kind.HOST_ADDED;
        }
    }

    /**
     * A host is gone.
     *
     * @param host the host
     * @param state its state before
     */
    record HostRemoved(HostRef host, HostState state) implements Change {
        /** Validates the fields. */
        public HostRemoved {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public Kind kind() {
            return Kind.HOST_REMOVED;
        }
    }

    /**
     * A host's state changed, say from up to down.
     *
     * @param host the host
     * @param before the old state
     * @param after the new state
     */
    record HostStateChanged(HostRef host, HostState before, HostState after) implements Change {
        /** Validates the fields. */
        public HostStateChanged {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public Kind kind() {
            return Kind.HOST_STATE_CHANGED;
        }
    }

    /**
     * A host's addresses or names changed.
     *
     * @param host the host after
     * @param before the host as it was
     */
    record HostIdentityChanged(HostRef host, HostRef before) implements Change {
        /** Validates the fields. */
        public HostIdentityChanged {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(before, "before");
        }

        @Override
        public Kind kind() {
            return Kind.HOST_IDENTITY_CHANGED;
        }
    }

    /**
     * The summary of unlisted ports changed, and no listed port opened or closed on the host
     * (which would explain it: ndiff still shows both).
     *
     * @param host the host
     * @param before "995 filtered ports", or "" for none
     * @param after the same, now
     */
    record ExtraPortsChanged(HostRef host, String before, String after) implements Change {
        /** Validates the fields. */
        public ExtraPortsChanged {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public Kind kind() {
            return Kind.EXTRAPORTS_CHANGED;
        }
    }

    /**
     * A port is open now and was not before.
     *
     * @param host the host
     * @param port the port
     * @param before its state before; null where it was not listed
     * @param service the service on it now; may be null
     */
    record PortOpened(HostRef host, PortKey port, @Nullable PortState before, @Nullable Service service) implements Change {
        /** Validates the fields. */
        public PortOpened {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(port, "port");
        }

        @Override
        public Kind kind() {
            return Kind.PORT_OPENED;
        }
    }

    /**
     * A port was open and is not now.
     *
     * @param host the host
     * @param port the port
     * @param after its state now; null where it is no longer listed
     * @param service the service that was on it; may be null
     */
    record PortClosed(HostRef host, PortKey port, @Nullable PortState after, @Nullable Service service) implements Change {
        /** Validates the fields. */
        public PortClosed {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(port, "port");
        }

        @Override
        public Kind kind() {
            return Kind.PORT_CLOSED;
        }
    }

    /**
     * A port's state changed, open on neither side (closed to filtered, say).
     *
     * @param host the host
     * @param port the port
     * @param before its state before; null where it was not listed
     * @param after its state now; null where it is no longer listed
     */
    record PortStateChanged(HostRef host, PortKey port, @Nullable PortState before, @Nullable PortState after) implements Change {
        /** Validates the fields. */
        public PortStateChanged {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(port, "port");
        }

        @Override
        public Kind kind() {
            return Kind.PORT_STATE_CHANGED;
        }
    }

    /**
     * The service on a port whose state did not change changed: name, product, version or extra
     * info. (A port that opened or closed carries its service in {@link PortOpened} or
     * {@link PortClosed}.)
     *
     * @param host the host
     * @param port the port
     * @param before the service before; may be null
     * @param after the service now; may be null
     */
    record ServiceChanged(HostRef host, PortKey port, @Nullable Service before, @Nullable Service after) implements Change {
        /** Validates the fields. */
        public ServiceChanged {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(port, "port");
        }

        @Override
        public Kind kind() {
            return Kind.SERVICE_CHANGED;
        }
    }

    /** Where a script ran. */
    enum ScriptScope {
        /** Before any host was scanned. */
        PRE_SCAN,
        /** On a host. */
        HOST,
        /** On a port. */
        PORT,
        /** After all hosts were scanned. */
        POST_SCAN
    }

    /**
     * A script's output changed, or the script gave a result on one side only.
     *
     * @param scope where the script ran
     * @param host the host; null for pre- and post-scan scripts
     * @param port the port; null unless the scope is {@link ScriptScope#PORT}
     * @param id the script's id
     * @param before the output before; null where the script gave none
     * @param after the output now; null where the script gives none
     */
    record ScriptChanged(ScriptScope scope, @Nullable HostRef host, @Nullable PortKey port, String id, @Nullable String before, @Nullable String after)
            implements Change {
        /** Validates the fields. */
        public ScriptChanged {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(id, "id");
        }

        @Override
        public Kind kind() {
            return Kind.SCRIPT_CHANGED;
        }
    }

    /**
     * The OS guesses changed.
     *
     * @param host the host
     * @param before the OS match names before
     * @param after the OS match names now
     */
    record OsChanged(HostRef host, List<String> before, List<String> after) implements Change {
        /** Validates the fields and copies the lists. */
        public OsChanged {
            Objects.requireNonNull(host, "host");
            before = List.copyOf(before);
            after = List.copyOf(after);
        }

        @Override
        public Kind kind() {
            return Kind.OS_CHANGED;
        }
    }
}
