package example;

import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.store.fs.FileSystemSnapshotStore;

/**
 * Compiles against two modules whose versions come from the BOM alone, with the README's
 * switch over every kind of change: no default, so a kind it missed would not compile.
 */
public final class Use {
    private Use() {
    }

    public static String severity(Change change) {
        return switch (change.kind()) {
            case PORT_OPENED, HOST_ADDED -> "look now";
            case PORT_CLOSED, HOST_REMOVED, HOST_STATE_CHANGED, PORT_STATE_CHANGED -> "check";
            case SERVICE_CHANGED, SCRIPT_CHANGED, OS_CHANGED, EXTRAPORTS_CHANGED, HOST_IDENTITY_CHANGED -> "note";
        };
    }

    public static String store() {
        return FileSystemSnapshotStore.class.getSimpleName();
    }
}
