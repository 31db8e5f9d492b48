package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.Severity;
import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.model.PortState;
import io.github.nmapdiff.core.model.Service;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The built-in severity table, for ndiff's changes between two scans as for the job's
 * findings: a newly open remote-admin, file-sharing, database, container or industrial-control
 * service is high; any other opened port, a new or vanished host, a closed port or a replaced
 * service is medium; a version or script output change is low; names, OS guesses and
 * summaries are info. The README's table says the same.
 */
public final class Severities {
    /** nmap's names of remote-admin, file-sharing, database, container and industrial-control services. */
    private static final Set<String> HIGH_SERVICES = Set.of(
            // remote administration
            "telnet", "login", "shell", "exec", "ms-wbt-server", "vnc", "vnc-http", "x11", "wsman", "wsmans", "asf-rmcp",
            // file sharing
            "microsoft-ds", "netbios-ssn", "nfs", "tftp",
            // containers and orchestration
            "docker", "kubernetes", "etcd-client",
            // databases and caches
            "mysql", "postgresql", "ms-sql-s", "oracle-tns", "mongodb", "mongod", "redis", "memcached", "elasticsearch",
            "couchdb", "cassandra", "influxdb",
            // industrial control
            "mbap", "modbus", "iso-tsap", "dnp", "bacnet", "enip", "iec-104", "s7comm");

    /** The ports of those services, for a port whose service nmap did not name. */
    private static final Set<String> HIGH_PORTS = Set.of(
            "23/tcp", "512/tcp", "513/tcp", "514/tcp", "3389/tcp", "5900/tcp", "5901/tcp", "5902/tcp", "5903/tcp", "6000/tcp",
            "5985/tcp", "5986/tcp", "623/udp",
            "445/tcp", "139/tcp", "2049/tcp", "2049/udp", "69/udp",
            "2375/tcp", "2376/tcp", "2379/tcp", "6443/tcp", "10250/tcp", "10255/tcp",
            "3306/tcp", "5432/tcp", "1433/tcp", "1521/tcp", "27017/tcp", "6379/tcp", "11211/tcp", "11211/udp", "9200/tcp",
            "9300/tcp", "5984/tcp", "9042/tcp", "8086/tcp",
            "502/tcp", "102/tcp", "20000/tcp", "20000/udp", "47808/udp", "44818/tcp", "2404/tcp");

    private Severities() {
    }

    /**
     * Returns the severity of a port that opened.
     *
     * @param port the port as {@code 5432/tcp}, never null
     * @param service nmap's name of the service on it; may be null
     * @return high or medium
     */
    public static Severity opened(String port, @Nullable String service) {
        return HIGH_PORTS.contains(port) || service != null && HIGH_SERVICES.contains(service) ? Severity.HIGH : Severity.MEDIUM;
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
                Service was = s.before();
                Service now = s.after();
                yield was != null && now != null && !was.name().equals(now.name()) ? opened(s.port().number() + "/" + s.port().protocol().nmapName(), now.name()) : Severity.LOW;
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
