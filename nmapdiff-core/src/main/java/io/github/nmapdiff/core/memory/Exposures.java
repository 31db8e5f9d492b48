package io.github.nmapdiff.core.memory;

import java.util.Set;

/**
 * The built-in severity of a newly open port: high for services that give control of a machine
 * or its data when exposed, medium for the rest. By nmap's service name, and by port number
 * for when service detection did not run or did not know it.
 */
final class Exposures {
    /** nmap's names of remote-admin, file-sharing, database, container and industrial-control services. */
    static final Set<String> HIGH_SERVICES = Set.of(
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
    static final Set<String> HIGH_PORTS = Set.of(
            "23/tcp", "512/tcp", "513/tcp", "514/tcp", "3389/tcp", "5900/tcp", "5901/tcp", "5902/tcp", "5903/tcp", "6000/tcp",
            "5985/tcp", "5986/tcp", "623/udp",
            "445/tcp", "139/tcp", "2049/tcp", "2049/udp", "69/udp",
            "2375/tcp", "2376/tcp", "2379/tcp", "6443/tcp", "10250/tcp", "10255/tcp",
            "3306/tcp", "5432/tcp", "1433/tcp", "1521/tcp", "27017/tcp", "6379/tcp", "11211/tcp", "11211/udp", "9200/tcp",
            "9300/tcp", "5984/tcp", "9042/tcp", "8086/tcp",
            "502/tcp", "102/tcp", "20000/tcp", "20000/udp", "47808/udp", "44818/tcp", "2404/tcp");

    private Exposures() {
    }

    /** Returns the severity of a port that opened: {@code port} as {@code 5432/tcp}, {@code service} may be null. */
    static Severity opened(String port, String service) {
        return HIGH_PORTS.contains(port) || service != null && HIGH_SERVICES.contains(service) ? Severity.HIGH : Severity.MEDIUM;
    }
}
