package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.Night;
import io.github.nmapdiff.core.model.Scope;
import io.github.nmapdiff.core.model.TimelineEvent;
import io.github.nmapdiff.core.spi.HostRecord;
import io.github.nmapdiff.core.spi.MemoryHead;
import io.github.nmapdiff.core.spi.MemoryUpdate;
import io.github.nmapdiff.core.spi.PortRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.NullUnmarked;

/**
 * Reads the memory that nmapdiff 0.1 kept as one text file ({@code state-memory.txt}, one
 * record per line), so that a store can take it into its own form once, on the first run of
 * this version, and nothing the old memory knew is lost: first and last seen, what was held
 * back, the timelines, the nights (their held-back counts; that version kept only counts of
 * their findings). Its hosts have no digest yet, so the first scan after reads them all.
 */
public final class LegacyMemory {
    private static final String HEADER = "nmapdiff-memory\t1";

    private LegacyMemory() {
    }

    /**
     * What the old memory held.
     *
     * @param head where it stood; never null
     * @param hosts its hosts; never null
     * @param events its timelines, oldest first; never null
     * @param nights its nights, oldest first; never null
     */
    public record Contents(MemoryHead head, List<HostRecord> hosts, List<MemoryUpdate.HostEvent> events, List<Night> nights) {
    }

    /**
     * Reads the old memory.
     *
     * @param bytes the file's bytes, never null
     * @return what it held, never null
     * @throws IllegalArgumentException naming the line when the text is not such a memory
     */
    public static Contents read(byte[] bytes) {
        return parse(bytes);
    }

    // a reader of a format no one writes any more, kept as it was: a field it does not find fails the line
    @NullUnmarked
    private static Contents parse(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("line 1: not an nmapdiff memory (expected '" + HEADER.replace('\t', ' ') + "')");
        }
        Scope scope = Scope.unknown();
        String through = null;
        Instant throughTime = null;
        Instant lastComplete = null;
        Map<String, HostRecord.Builder> hosts = new LinkedHashMap<>();
        Map<String, List<PortRecord>> ports = new LinkedHashMap<>();
        List<MemoryUpdate.HostEvent> events = new ArrayList<>();
        List<Night> nights = new ArrayList<>();
        String host = null;
        Map<String, String> hostScripts = null;
        Map<HeldBack.Reason, Integer> hostNoise = null;
        PortRecord.Builder port = null;
        Map<String, String> portScripts = null;
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isEmpty()) {
                continue;
            }
            String[] f = lines[n].split("\t", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = unescape(f[i]);
            }
            try {
                switch (f[0]) {
                    case "scope" -> scope = Scope.of(f[1] == null || f[1].isEmpty() ? List.of() : List.of(f[1].split("\u001f")),
                            f[2] == null || f[2].isEmpty() ? List.of() : List.of(f[2].split("\u001f")));
                    case "through" -> {
                        through = f[1];
                        throughTime = f.length > 2 ? instant(f[2]) : null;
                    }
                    case "night" -> {
                        Night night = Night.of(f[1], instant(f[2]), "1".equals(f[3]), "1".equals(f[4]), List.of(),
                                HeldBack.of(reasons(f[6])));
                        nights.add(night);
                        if (night.complete()) {
                            lastComplete = night.when();
                        }
                    }
                    case "host" -> {
                        finishPort(ports, host, port, portScripts);
                        port = null;
                        finishHost(hosts, host, hostScripts, hostNoise);
                        host = f[1];
                        Map<String, String> a = new TreeMap<>();
                        HostMemory.put(a, "missing", Integer.parseInt(f[6]));
                        if ("1".equals(f[7])) {
                            a.put("pending-name", f[8] == null ? "" : f[8]);
                        }
                        HostMemory.put(a, "name-misses", Integer.parseInt(f[9]));
                        HostMemory.put(a, "missing-since", f.length > 10 ? instant(f[10]) : null);
                        hosts.put(host, HostRecord.builder(host).identity(host, null, f[2]).seen(instant(f[3]), instant(f[4]))
                                .present("1".equals(f[5])).attributes(a));
                        hostScripts = new TreeMap<>();
                        hostNoise = new EnumMap<>(HeldBack.Reason.class);
                        ports.put(host, new ArrayList<>());
                    }
                    case "hscript" -> hostScripts.put(f[1], f[2]);
                    case "hnoise" -> hostNoise.put(reason(f[1]), Integer.parseInt(f[2]));
                    case "event" -> events.add(new MemoryUpdate.HostEvent(host, TimelineEvent.of(instant(f[1]), kind(f[2]), f[3], f[4],
                            f[5], f[6])));
                    case "port" -> {
                        finishPort(ports, host, port, portScripts);
                        Map<String, String> a = new TreeMap<>();
                        HostMemory.put(a, "missing", Integer.parseInt(f[5]));
                        HostMemory.put(a, "missing-since", f.length > 8 ? instant(f[8]) : null);
                        port = PortRecord.builder(f[1]).open("1".equals(f[4])).seen(instant(f[2]), instant(f[3])).service(f[6], f[7])
                                .attributes(a);
                        portScripts = new TreeMap<>();
                    }
                    case "pscript" -> portScripts.put(f[1], f[2]);
                    default -> throw new IllegalArgumentException("unknown record '" + f[0] + "'");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (n + 1) + ": not a memory record (" + e.getMessage() + ")", e);
            }
        }
        finishPort(ports, host, port, portScripts);
        finishHost(hosts, host, hostScripts, hostNoise);
        if (through == null || throughTime == null) {
            throw new IllegalArgumentException("the memory has absorbed no scan");
        }
        List<HostRecord> records = new ArrayList<>();
        hosts.forEach((key, b) -> records.add(b.ports(ports.get(key)).build()));
        MemoryHead head = MemoryHead.of(MemoryHead.VERSION, scope, through, throughTime, lastComplete, nights.size(), Map.of());
        return new Contents(head, records, events, nights);
    }

    @NullUnmarked
    private static void finishPort(Map<String, List<PortRecord>> ports, String host, PortRecord.Builder port, Map<String, String> scripts) {
        if (port != null) {
            ports.get(host).add(port.scripts(scripts).build());
        }
    }

    @NullUnmarked
    private static void finishHost(Map<String, HostRecord.Builder> hosts, String host, Map<String, String> scripts,
            Map<HeldBack.Reason, Integer> noise) {
        if (host != null) {
            hosts.get(host).scripts(scripts).noise(noise);
        }
    }

    @NullUnmarked
    private static HeldBack.Reason reason(String id) {
        for (HeldBack.Reason r : HeldBack.Reason.values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown reason '" + id + "'");
    }

    @NullUnmarked
    private static Finding.Kind kind(String id) {
        return Finding.Kind.of(Rule.RENAMED_KINDS.getOrDefault(id, id));
    }

    @NullUnmarked
    private static EnumMap<HeldBack.Reason, Integer> reasons(String text) {
        EnumMap<HeldBack.Reason, Integer> counts = new EnumMap<>(HeldBack.Reason.class);
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split(",")) {
                String[] kv = pair.split("=");
                counts.put(reason(kv[0]), Integer.parseInt(kv[1]));
            }
        }
        return counts;
    }

    @NullUnmarked
    private static String unescape(String s) {
        if (s.equals("\\N")) {
            return null;
        }
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @NullUnmarked
    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
