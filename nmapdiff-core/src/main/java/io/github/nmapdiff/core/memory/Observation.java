package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.ExtraPorts;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.HostIdentity;
import io.github.nmapdiff.core.model.HostState;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.PortState;
import io.github.nmapdiff.core.model.ScriptResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scan says of one host, as the memory reads it: who it is, whether it answered, its
 * ports by {@code 22/tcp} (the last listing wins, as in ndiff) and its host scripts.
 *
 * @param identity who it is; never null
 * @param answering whether it answered (see {@link #answering(Host)})
 * @param ports its listed ports, by port; never null
 * @param scripts its host scripts; never null
 */
record Observation(HostIdentity identity, boolean answering, Map<String, Port> ports, List<ScriptResult> scripts) {

    static Observation of(Host host, HostIdentity identity) {
        Map<String, Port> ports = new LinkedHashMap<>();
        for (Port p : host.ports()) {
            ports.put(portKey(p), p);
        }
        return new Observation(identity, answering(host), ports, host.scripts());
    }

    static String portKey(Port p) {
        return p.number() + "/" + p.protocol().nmapName();
    }

    /**
     * Returns whether a host answered: up for a reason of its own, or, when nmap was told it is
     * up ({@code -Pn}), with a port that answered (open, closed or unfiltered; open|filtered is
     * no answer).
     */
    static boolean answering(Host host) {
        if (host.status().state() != HostState.UP) {
            return false;
        }
        if (!"user-set".equals(host.status().reason())) {
            return true;
        }
        for (Port p : host.ports()) {
            if (answered(p.state())) {
                return true;
            }
        }
        for (ExtraPorts e : host.extraPorts()) {
            if (answered(e.state())) {
                return true;
            }
        }
        return false;
    }

    private static boolean answered(PortState state) {
        return state == PortState.OPEN || state == PortState.CLOSED || state == PortState.UNFILTERED;
    }
}
