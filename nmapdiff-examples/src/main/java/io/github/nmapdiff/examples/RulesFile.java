package io.github.nmapdiff.examples;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.memory.Rule;
import io.github.nmapdiff.core.memory.Rules;
import io.github.nmapdiff.core.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the rules file ({@code --rules FILE}): YAML with three lists, each rule a map of
 * criteria. Every mistake is one line naming the file and the line.
 *
 * <pre>
 * ignore:
 *   - host: 198.51.100.0/24       # address, CIDR or host name (* for any characters)
 *     port: 161/udp               # 22/tcp, 161/udp, or 22 for either
 *     reason: the lab's SNMP
 *   - script: ssl-date
 * expect:
 *   - host: 192.0.2.0/24
 *     port: 22/tcp
 *     until: 2027-03-31           # the last day an accepted risk holds
 * severity:
 *   - port: 3389/tcp
 *     severity: critical
 * </pre>
 */
final class RulesFile {
    private static final Set<String> CRITERIA = Set.of("host", "port", "service", "script", "kind", "reason");

    private RulesFile() {
    }

    static Rules read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NmapDiffException("no such rules file: " + file);
        } catch (IOException e) {
            throw new NmapDiffException("cannot read the rules file " + file + ": " + e.getMessage());
        }
        return parse(text, file);
    }

    /**
     * Reads rules from their text, as the job kept them beside its memory; a mistake names the
     * file they were read from.
     */
    static Rules parse(String text, Path file) {
        List<Rule> rules = new ArrayList<>();
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return Rules.none().withSource(text); // an empty file: no rules
            }
            if (first != JsonToken.START_OBJECT) {
                throw error(file, p, "the file must be a map of ignore, expect and severity lists");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                if (!Set.of("ignore", "expect", "severity").contains(section)) {
                    throw error(file, p, "unknown section '" + section + "'; the sections are ignore, expect and severity");
                }
                JsonToken list = p.nextToken();
                if (list == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (list != JsonToken.START_ARRAY) {
                    throw error(file, p, section + " must be a list of rules, each starting with '- '");
                }
                for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
                    if (item != JsonToken.START_OBJECT) {
                        // anything else would end the list here, and every later rule would be dropped without a word
                        throw error(file, p, "each rule of " + section + " must be a map of criteria ('- host: 192.0.2.0/24'),"
                                + " not " + (item == JsonToken.START_ARRAY ? "a list" : "a single value '" + p.getText() + "'"));
                    }
                    int line = p.currentLocation().getLineNr();
                    rules.add(rule(file, p, section, line));
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new NmapDiffException(file + ":" + line + ": not YAML the rules can be read from: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new NmapDiffException("cannot read the rules file " + file + ": " + e.getMessage());
        }
        return Rules.of(rules).withSource(text);
    }

    private static Rule rule(Path file, JsonParser p, String section, int line) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value.isStructStart()) {
                throw error(file, p, name + " must be one value, not a list or map");
            }
            String text = p.getValueAsString();
            if (value == JsonToken.VALUE_NULL || text == null || text.isBlank()) {
                throw error(file, p, name + " has no value; give it one, or remove the line");
            }
            fields.put(name, text.strip());
        }
        Set<String> allowed = new HashSet<>(CRITERIA);
        allowed.add(section.equals("expect") ? "until" : section.equals("severity") ? "severity" : "reason");
        for (String name : fields.keySet()) {
            if (!allowed.contains(name)) {
                throw new NmapDiffException(file + ":" + line + ": unknown key '" + name + "' in a " + section + " rule; it may have "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        try {
            Rule.Builder b = switch (section) {
                case "ignore" -> Rule.ignore();
                case "expect" -> Rule.expect(fields.containsKey("until") ? LocalDate.parse(fields.get("until")) : null);
                default -> {
                    if (!fields.containsKey("severity")) {
                        throw new IllegalArgumentException("a severity rule needs severity: critical, high, medium, low or info");
                    }
                    yield Rule.severity(Severity.of(fields.get("severity")));
                }
            };
            if (fields.containsKey("host")) {
                b.host(fields.get("host"));
            }
            if (fields.containsKey("port")) {
                b.port(fields.get("port"));
            }
            if (fields.containsKey("service")) {
                b.service(fields.get("service"));
            }
            if (fields.containsKey("script")) {
                b.script(fields.get("script"));
            }
            if (fields.containsKey("kind")) {
                b.kind(fields.get("kind"));
            }
            return b.reason(fields.get("reason")).source(file.getFileName() + ":" + line).build();
        } catch (DateTimeParseException e) {
            throw new NmapDiffException(file + ":" + line + ": until must be a date like 2027-03-31, not '" + fields.get("until") + "'");
        } catch (IllegalArgumentException e) {
            throw new NmapDiffException(file + ":" + line + ": " + e.getMessage());
        }
    }

    private static NmapDiffException error(Path file, JsonParser p, String message) {
        return new NmapDiffException(file + ":" + p.currentLocation().getLineNr() + ": " + message);
    }
}
