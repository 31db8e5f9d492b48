package io.github.nmapdiff.compat;

import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Notifier;
import java.util.ArrayList;
import java.util.List;

/** A notifier as a third party writes it against the 0.1.0 API: it reads every part of a notification. */
public final class CompatNotifier implements Notifier {
    private final List<String> lines = new ArrayList<>();

    @Override
    public String id() {
        return "compat";
    }

    @Override
    public synchronized Delivery send(Notification n) {
        StringBuilder line = new StringBuilder(n.kind() + " " + n.summary() + " " + n.snapshot().id() + " " + n.xml().length);
        if (n.baseline() != null) {
            line.append(" vs ").append(n.baseline().id()).append(' ').append(n.baselineXml().length);
        }
        for (Change change : n.changes()) {
            line.append(' ').append(switch (change.kind()) {
                case PORT_OPENED -> "opened";
                case PORT_CLOSED -> "closed";
                default -> change.kind().id();
            });
        }
        line.append(' ').append(n.ndiffText().length()).append(' ').append(n.warnings().size());
        lines.add(line.toString());
        return Delivery.DELIVERED;
    }

    /** What it was told, one line per notification. */
    @Override
    public synchronized String toString() {
        return String.join("\n", lines);
    }
}
