package io.github.nmapdiff.core.spi;

import io.github.nmapdiff.core.model.Scope;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Where the job's memory stands: the last snapshot it absorbed and when, the scope that scan
 * covered, when the last complete scan was, and how many nights it has committed. Immutable.
 */
public final class MemoryHead {
    /** The version of what the memory's rules write; a memory of another version is learned again. */
    public static final int VERSION = 2;

    /** The attribute that keeps the text of the rules that applied to the last night (absent: none). */
    public static final String RULES = "rules";
    /**
     * The attribute naming the expectations with an accepted-until date that the last night ran
     * with, one per line, so that one written with its date already past reminds on its first night.
     */
    public static final String EXPECTATIONS = "rules.expectations";

    /** The attribute that names the site the memory is of (absent: {@code default}). */
    public static final String SITE = "site";

    private final int version;
    private final Scope scope;
    private final String through;
    private final Instant throughTime;
    private final @Nullable Instant lastCompleteAt;
    private final long sequence;
    private final Map<String, String> attributes;

    private MemoryHead(int version, Scope scope, String through, Instant throughTime, @Nullable Instant lastCompleteAt, long sequence,
            Map<String, String> attributes) {
        this.version = version;
        this.scope = Objects.requireNonNull(scope, "scope");
        this.through = Objects.requireNonNull(through, "through");
        this.throughTime = Objects.requireNonNull(throughTime, "throughTime");
        this.lastCompleteAt = lastCompleteAt;
        this.sequence = sequence;
        this.attributes = Map.copyOf(attributes);
    }

    /**
     * Returns a head.
     *
     * @param version the version of the memory's rules that wrote it ({@link #VERSION} for this one)
     * @param scope what the last scan absorbed covered; never null
     * @param through the id of the last snapshot absorbed; never null
     * @param throughTime when that scan was taken; never null
     * @param lastCompleteAt when the last complete scan absorbed was taken; null when none was complete
     * @param sequence how many nights the memory has committed, this one included (1 for the first)
     * @param attributes the memory's own values, by name (which ports the last scan probed, say); never null
     * @return the head, never null
     */
    public static MemoryHead of(int version, Scope scope, String through, Instant throughTime, @Nullable Instant lastCompleteAt, long sequence,
            Map<String, String> attributes) {
        return new MemoryHead(version, scope, through, throughTime, lastCompleteAt, sequence, attributes);
    }

    /** Returns the version of the memory's rules that wrote it. */
    public int version() {
        return version;
    }

    /** Returns what the last scan absorbed covered; never null. */
    public Scope scope() {
        return scope;
    }

    /** Returns the id of the last snapshot absorbed; never null. */
    public String through() {
        return through;
    }

    /** Returns when that scan was taken; never null. */
    public Instant throughTime() {
        return throughTime;
    }

    /** Returns when the last complete scan absorbed was taken; null when none was complete. */
    public @Nullable Instant lastCompleteAt() {
        return lastCompleteAt;
    }

    /** Returns how many nights the memory has committed. */
    public long sequence() {
        return sequence;
    }

    /** Returns the memory's own values, by name; never null. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** Returns this head with one of its values set (or removed, for null). */
    public MemoryHead withAttribute(String name, @Nullable String value) {
        Map<String, String> changed = new TreeMap<>(attributes);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new MemoryHead(version, scope, through, throughTime, lastCompleteAt, sequence, changed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryHead h && version == h.version && scope.equals(h.scope) && through.equals(h.through)
                && throughTime.equals(h.throughTime) && Objects.equals(lastCompleteAt, h.lastCompleteAt) && sequence == h.sequence && attributes.equals(h.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(through, sequence);
    }

    @Override
    public String toString() {
        return "MemoryHead[" + sequence + " nights, through " + through + " (" + throughTime + ")]";
    }
}
