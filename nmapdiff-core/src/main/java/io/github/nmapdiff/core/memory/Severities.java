package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.model.PortState;

/**
 * The built-in severity table, for ndiff's changes between two scans as for the job's
 * findings: a newly open remote-admin, file-sharing, database, container or industrial-control
 * service is high; any other opened port, a new or vanished host, a closed port or a replaced
 * service is medium; a version or script output change is low; names, OS guesses and
 * summaries are info.
 */
public final class Severities {
    private Severities() {
    }

    /**
     * Returns the severity of a port that opened.
     *
     * @param port the port as {@code 5432/tcp}, never null
     * @param service nmap's name of the service on it; may be null
     * @return high or medium
     */
    public static Severity opened(String port, String service) {
        return Exposures.opened(port, service);
    }

    /**
     * Returns the severity of one of ndiff's changes, as the table gives it without the job's
     * memory (for {@code diff --json}).
     *
     * @param change the change, never null
     * @return its severity, never null
     */
    public static Severity of(Change change) {
        return switch (change.kind()) {
            case PORT_OPENED -> {
                Change.PortOpened o = (Change.PortOpened) change;
                yield opened(o.port().number() + "/" + o.port().protocol().nmapName(), o.service() == null ? null : o.service().name());
            }
            case SERVICE_CHANGED -> {
                Change.ServiceChanged s = (Change.ServiceChanged) change;
                boolean replaced = s.before() != null && s.after() != null && !s.before().name().equals(s.after().name());
                yield replaced ? opened(s.port().number() + "/" + s.port().protocol().nmapName(), s.after().name()) : Severity.LOW;
            }
            case PORT_STATE_CHANGED -> {
                Change.PortStateChanged s = (Change.PortStateChanged) change;
                yield s.after() == PortState.OPEN_FILTERED || s.before() == PortState.OPEN_FILTERED ? Severity.INFO : Severity.LOW;
            }
            case HOST_ADDED, HOST_REMOVED, PORT_CLOSED, HOST_STATE_CHANGED -> Severity.MEDIUM;
            case SCRIPT_CHANGED -> NoisePolicy.VOLATILE_SCRIPTS.contains(((Change.ScriptChanged) change).id()) ? Severity.INFO
                    : Severity.LOW;
            case HOST_IDENTITY_CHANGED, OS_CHANGED, EXTRAPORTS_CHANGED -> Severity.INFO;
        };
    }
}
