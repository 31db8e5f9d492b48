package io.github.nmapdiff.core.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.nmapdiff.core.diff.Change;
import io.github.nmapdiff.core.diff.HostRef;
import io.github.nmapdiff.core.model.PortKey;
import io.github.nmapdiff.core.diff.ScanDiff;
import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.memory.Severities;
import io.github.nmapdiff.core.model.Triage;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.Service;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Renders a diff as a JSON document for programs, format {@code nmapdiff-diff} version
 * {@value #VERSION}. The README documents the schema; a new version adds fields, and only a
 * change of meaning raises the version.
 *
 * <pre>{@code
 * {"format": "nmapdiff-diff", "version": 1,
 *  "before": {"nmapVersion", "args", "start", "complete", "hosts"}, "after": {...},
 *  "summary": "1 host changed: 1 port opened", "ndiffCost": 1,
 *  "changes": [{"kind": "port-opened", "severity": "medium", "host": {"name", "addresses", "hostNames"},
 *               "port": 22, "protocol": "tcp", "before": null, "service": {...}}, ...],
 *  "findings": [...], "heldBack": {...}}      (a run's document only)
 * }</pre>
 *
 * Instances are immutable and thread-safe.
 */
public final class DiffJson {
    /** The version of the JSON format. */
    public static final int VERSION = 1;

    private static final JsonFactory FACTORY = new JsonFactory();

    private DiffJson() {
    }

    /**
     * Renders a diff.
     *
     * @param diff the diff, never null
     * @return the JSON document, pretty-printed, ending in a line feed; never null
     */
    public static String render(ScanDiff diff) {
        return render(diff, null);
    }

    /**
     * Renders a run's diff with what the job's memory made of it: the document of
     * {@link #render(ScanDiff)}, and {@code findings} (severity, kind, host, port, service,
     * before, after, firstSeen, lastSeen) and {@code heldBack} (counts by reason).
     *
     * @param diff the diff, never null
     * @param triage the findings and what was held back; null for none (the fields are then left out)
     * @return the JSON document, pretty-printed, ending in a line feed; never null
     */
    public static String render(ScanDiff diff, @Nullable Triage triage) {
        StringWriter out = new StringWriter();
        List<Change> changes = diff.changes();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", "nmapdiff-diff");
            json.writeNumberField("version", VERSION);
            json.writeFieldName("before");
            scan(json, diff.before(), diff.hostsBefore());
            json.writeFieldName("after");
            scan(json, diff.after(), diff.hostsAfter());
            json.writeStringField("summary", DiffSummary.of(changes));
            json.writeNumberField("ndiffCost", diff.cost(false));
            json.writeArrayFieldStart("changes");
            for (Change change : changes) {
                change(json, change);
            }
            json.writeEndArray();
            if (triage != null) {
                findings(json, triage);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out + "\n";
    }

    private static void scan(JsonGenerator json, Scan scan, int hosts) throws IOException {
        json.writeStartObject();
        json.writeStringField("nmapVersion", scan.nmapVersion());
        json.writeStringField("args", scan.args());
        json.writeStringField("start", scan.start() == null ? null : scan.start().toString());
        json.writeBooleanField("complete", scan.complete());
        json.writeNumberField("hosts", hosts);
        json.writeEndObject();
    }

    private static void findings(JsonGenerator json, Triage triage) throws IOException {
        json.writeArrayFieldStart("findings");
        for (Finding f : triage.findings()) {
            json.writeStartObject();
            json.writeStringField("severity", f.severity().id());
            json.writeStringField("kind", f.kind().id());
            json.writeStringField("text", f.describe());
            json.writeObjectFieldStart("host");
            json.writeStringField("address", f.address());
            json.writeStringField("name", f.hostName());
            json.writeEndObject();
            if (f.port() != null) {
                String[] p = f.port().split("/");
                json.writeNumberField("port", Integer.parseInt(p[0]));
                json.writeStringField("protocol", p[1]);
            }
            json.writeStringField(f.kind() == Finding.Kind.SCRIPT_OUTPUT_CHANGED ? "script" : "service", f.service());
            json.writeStringField("before", f.before());
            json.writeStringField("after", f.after());
            json.writeStringField("firstSeen", f.firstSeen() == null ? null : f.firstSeen().toString());
            json.writeStringField("lastSeen", f.lastSeen() == null ? null : f.lastSeen().toString());
            if (f.note() != null) {
                json.writeStringField("note", f.note());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("heldBack");
        for (var e : triage.heldBack().counts().entrySet()) {
            json.writeNumberField(e.getKey().id(), e.getValue());
        }
        json.writeEndObject();
    }

    private static void change(JsonGenerator json, Change change) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", change.kind().id());
        json.writeStringField("severity", Severities.of(change).id());
        if (change.host() != null) {
            json.writeFieldName("host");
            host(json, change.host());
        }
        if (change instanceof Change.HostAdded c) {
            json.writeStringField("state", word(c.state()));
        } else if (change instanceof Change.HostRemoved c) {
            json.writeStringField("state", word(c.state()));
        } else if (change instanceof Change.HostStateChanged c) {
            json.writeStringField("before", word(c.before()));
            json.writeStringField("after", word(c.after()));
        } else if (change instanceof Change.HostIdentityChanged c) {
            json.writeFieldName("before");
            host(json, c.before());
        } else if (change instanceof Change.ExtraPortsChanged c) {
            json.writeStringField("before", c.before());
            json.writeStringField("after", c.after());
        } else if (change instanceof Change.PortOpened c) {
            port(json, c.port());
            json.writeStringField("before", word(c.before()));
            service(json, "service", c.service());
        } else if (change instanceof Change.PortClosed c) {
            port(json, c.port());
            json.writeStringField("after", word(c.after()));
            service(json, "service", c.service());
        } else if (change instanceof Change.PortStateChanged c) {
            port(json, c.port());
            json.writeStringField("before", word(c.before()));
            json.writeStringField("after", word(c.after()));
        } else if (change instanceof Change.ServiceChanged c) {
            port(json, c.port());
            service(json, "before", c.before());
            service(json, "after", c.after());
        } else if (change instanceof Change.ScriptChanged c) {
            json.writeStringField("scope", c.scope().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (c.port() != null) {
                port(json, c.port());
            }
            json.writeStringField("id", c.id());
            json.writeStringField("before", c.before());
            json.writeStringField("after", c.after());
        } else if (change instanceof Change.OsChanged c) {
            strings(json, "before", c.before());
            strings(json, "after", c.after());
        }
        json.writeEndObject();
    }

    private static @Nullable String word(@Nullable Object nmapEnum) {
        return nmapEnum == null ? null : nmapEnum.toString();
    }

    private static void host(JsonGenerator json, HostRef host) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", host.name());
        strings(json, "addresses", host.addresses());
        strings(json, "hostNames", host.hostNames());
        json.writeEndObject();
    }

    private static void port(JsonGenerator json, PortKey port) throws IOException {
        json.writeNumberField("port", port.number());
        json.writeStringField("protocol", port.protocol().nmapName());
    }

    private static void service(JsonGenerator json, String field, @Nullable Service s) throws IOException {
        if (s == null) {
            json.writeNullField(field);
            return;
        }
        json.writeObjectFieldStart(field);
        json.writeStringField("name", s.name());
        json.writeStringField("product", s.product());
        json.writeStringField("version", s.version());
        json.writeStringField("extraInfo", s.extraInfo());
        json.writeStringField("tunnel", s.tunnel());
        strings(json, "cpes", s.cpes());
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }
}
