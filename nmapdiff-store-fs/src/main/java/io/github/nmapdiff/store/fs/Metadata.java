package io.github.nmapdiff.store.fs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.spi.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON kept beside each snapshot's XML: what nmapdiff knows of it that the XML does not
 * say. A person can read it; unknown fields are ignored, so later versions can add some.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
final class Metadata {
    public int format = 1;
    public @Nullable String id;
    public @Nullable String start;
    public @Nullable String savedAt;
    public boolean complete;
    public List<String> targets = new ArrayList<>();
    public List<String> arguments = new ArrayList<>();
    public @Nullable String nmapVersion;
    public int hosts;
    public @Nullable Integer changes;
    public @Nullable String summary;
    public @Nullable String baseline;
    /** Whether the run finished; absent in files of earlier versions, where a summary meant it had. */
    public @Nullable Boolean finished;
    public List<String> unnotified = new ArrayList<>();

    static Metadata of(Snapshot s, @Nullable Scan scan) {
        Metadata m = new Metadata();
        m.id = s.id();
        m.start = s.start().toString();
        m.savedAt = s.savedAt().toString();
        m.complete = s.complete();
        m.targets = new ArrayList<>(s.targets());
        m.arguments = new ArrayList<>(s.arguments());
        m.nmapVersion = scan == null ? null : scan.nmapVersion();
        m.hosts = s.hosts();
        m.changes = s.changes();
        m.summary = s.summary();
        m.baseline = s.baselineId();
        m.finished = s.finished();
        m.unnotified = new ArrayList<>(s.unnotified());
        return m;
    }

    /** When the snapshot was kept here, by this machine's clock; the scan's start when not recorded. */
    Instant savedAt() {
        try {
            return Instant.parse(savedAt != null ? savedAt : start);
        } catch (RuntimeException e) {
            return Instant.parse(start);
        }
    }

    Snapshot toSnapshot() {
        String named = id;
        String started = start;
        if (named == null || started == null) {
            throw new IllegalArgumentException("no " + (named == null ? "id" : "start"));
        }
        return Snapshot.builder(named, Instant.parse(started)).savedAt(savedAt()).complete(complete)
                .scope(targets == null ? List.of() : targets, arguments == null ? List.of() : arguments).hosts(hosts)
                .run(changes, summary, baseline).finished(finished != null ? finished : summary != null)
                .unnotified(unnotified == null ? List.of() : unnotified).build();
    }
}
