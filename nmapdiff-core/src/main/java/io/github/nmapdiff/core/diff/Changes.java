package io.github.nmapdiff.core.diff;

import io.github.nmapdiff.core.model.PortKey;
import io.github.nmapdiff.core.internal.NdiffHost;
import io.github.nmapdiff.core.model.Address;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.Port;
import io.github.nmapdiff.core.model.PortState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Derives the typed changes from a diff, in ndiff's order. */
final class Changes {
    private Changes() {
    }

    static List<Change> of(ScanDiff diff) {
        List<Change> changes = new ArrayList<>();
        scripts(changes, Change.ScriptScope.PRE_SCAN, null, null, diff.preScanScripts());
        for (HostDiff h : diff.shownHosts(false)) {
            host(changes, h);
        }
        scripts(changes, Change.ScriptScope.POST_SCAN, null, null, diff.postScanScripts());
        return changes;
    }

    static HostRef ref(@Nullable Host host) {
        NdiffHost view = NdiffHost.of(host);
        return new HostRef(view.formatName(), view.sortedAddresses().stream().map(Address::address).toList(),
                view.sortedHostNames());
    }

    private static void host(List<Change> changes, HostDiff h) {
        HostRef ref = ref(h.after() != null ? h.after() : h.before());
        Host was = h.before();
        Host now = h.after();
        if (was == null) {
            changes.add(new Change.HostAdded(ref, Objects.requireNonNull(now, "a host in neither scan").status().state()));
        } else if (now == null) {
            changes.add(new Change.HostRemoved(ref, was.status().state()));
        } else {
            if (h.stateChanged()) {
                changes.add(new Change.HostStateChanged(ref, was.status().state(), now.status().state()));
            }
            if (h.identityChanged()) {
                changes.add(new Change.HostIdentityChanged(ref, ref(was)));
            }
            // a port that opens or closes moves one port in or out of the "Not shown" count: the
            // same event, told once; a change of the summary on its own is news
            boolean portsMoved = h.shownPorts(false).stream().anyMatch(PortDiff::stateChanged);
            if (h.extraPortsChanged() && !portsMoved) {
                changes.add(new Change.ExtraPortsChanged(ref, NdiffHost.of(h.before()).extraPortsString(),
                        NdiffHost.of(h.after()).extraPortsString()));
            }
        }
        for (PortDiff p : h.shownPorts(false)) {
            port(changes, ref, p);
        }
        if (h.osChanged()) {
            changes.add(new Change.OsChanged(ref, NdiffHost.of(h.before()).os(), NdiffHost.of(h.after()).os()));
        }
        scripts(changes, Change.ScriptScope.HOST, ref, null, h.scripts());
    }

    private static void port(List<Change> changes, HostRef host, PortDiff p) {
        Port a = p.before();
        Port b = p.after();
        PortState before = a == null ? null : a.state();
        PortState after = b == null ? null : b.state();
        if (p.stateChanged()) {
            if (after == PortState.OPEN && b != null) {
                changes.add(new Change.PortOpened(host, p.key(), before, b.service()));
            } else if (before == PortState.OPEN && a != null) {
                changes.add(new Change.PortClosed(host, p.key(), after, a.service()));
            } else {
                changes.add(new Change.PortStateChanged(host, p.key(), before, after));
            }
        }
        // a port that opened or closed carries its service already; a service change is news on a steady port
        if (p.serviceChanged() && !p.stateChanged() && a != null && b != null) {
            changes.add(new Change.ServiceChanged(host, p.key(), a.service(), b.service()));
        }
        scripts(changes, Change.ScriptScope.PORT, host, p.key(), p.scripts());
    }

    private static void scripts(List<Change> changes, Change.ScriptScope scope, @Nullable HostRef host, @Nullable PortKey port,
            List<ScriptDiff> scripts) {
        for (ScriptDiff s : scripts) {
            if (s.changed()) {
                changes.add(new Change.ScriptChanged(scope, host, port, s.id(),
                        s.before() == null ? null : s.before().output(), s.after() == null ? null : s.after().output()));
            }
        }
    }
}
