package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.HostIdentity;
import io.github.nmapdiff.core.model.Severity;
import io.github.nmapdiff.core.model.Triage;
import io.github.nmapdiff.core.spi.MemoryHead;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules a team wrote down, applied to each run's findings: the first ignore or holding
 * expectation that matches a finding holds it back; otherwise the first severity rule that
 * matches sets its severity. An expectation past its last day holds no more: the run on the
 * day after reminds people of each port it took in that is still open. Immutable.
 */
public final class Rules {
    private static final Rules NONE = new Rules(List.of(), null);

    private final List<Rule> rules;
    private final @Nullable String source;

    private Rules(List<Rule> rules, @Nullable String source) {
        this.rules = List.copyOf(rules);
        this.source = source;
    }

    /** Returns no rules. */
    public static Rules none() {
        return NONE;
    }

    /**
     * Returns rules, applied in the order given.
     *
     * @param rules the rules, never null
     * @return the rules, never null
     */
    public static Rules of(List<Rule> rules) {
        return new Rules(rules, null);
    }

    /**
     * Returns these rules with the text they were read from, which the job keeps beside its
     * memory, so that the questions asked of the memory later (the inventory, the report) give
     * the severities the mail gave.
     *
     * @param text the rules as the team wrote them (a YAML file's content); never null
     * @return the rules, never null
     */
    public Rules withSource(String text) {
        return new Rules(rules, Objects.requireNonNull(text, "text"));
    }

    /** Returns the text the rules were read from, if they were read from one. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** Returns the rules, in order. */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * Applies the rules to what a scan found.
     *
     * @param absorbed what the memory made of the scan, not committed yet
     * @param memory the memory (for the ports of expectations that ran out)
     * @param today the run's day
     * @param previous the previous run's day; null for none (no reminders then)
     * @return the triage with the rules applied
     */
    public Triage apply(Absorbed absorbed, NetworkMemory memory, LocalDate today, @Nullable LocalDate previous) {
        Triage triage = absorbed.triage();
        if (rules.isEmpty() || absorbed.first()) {
            return triage;
        }
        List<Finding> kept = new ArrayList<>();
        int held = 0;
        for (Finding f : triage.findings()) {
            Rule deciding = null;
            for (Rule r : rules) {
                if (r.action() != Rule.Action.SEVERITY && r.holdsOn(today) && r.matches(f)) {
                    deciding = r;
                    break;
                }
            }
            if (deciding != null) {
                held++;
                continue;
            }
            Finding out = f;
            for (Rule r : rules) {
                if (r.action() == Rule.Action.SEVERITY && r.matches(f)) {
                    out = f.withSeverity(Objects.requireNonNull(r.severityGiven(), "a severity rule gives a severity"));
                    break;
                }
            }
            kept.add(out);
        }
        if (previous != null) {
            // the expectations the last night ran with; none known (an older memory): every one counts as known
            String last = memory.head().map(h -> h.attributes().get(MemoryHead.EXPECTATIONS)).orElse(null);
            Set<String> known = last == null ? null : Set.of(last.split("\n"));
            for (Rule r : rules) {
                boolean ranOut = r.action() == Rule.Action.EXPECT && r.until() != null && today.isAfter(r.until());
                // it ran out since the last night, or it is new tonight with its date already past
                if (ranOut && (!previous.isAfter(r.until()) || known != null && !known.contains(r.criteria()))) {
                    for (Finding reminder : memory.expired(r, absorbed)) {
                        // a port reported tonight anyway needs no reminder
                        if (kept.stream().noneMatch(k -> k.address().equals(reminder.address()) && Objects.equals(reminder.port(), k.port()))) {
                            kept.add(reminder);
                        }
                    }
                }
            }
        }
        EnumMap<HeldBack.Reason, Integer> counts = new EnumMap<>(HeldBack.Reason.class);
        for (Map.Entry<HeldBack.Reason, Integer> e : triage.heldBack().counts().entrySet()) {
            counts.put(e.getKey(), e.getValue());
        }
        counts.merge(HeldBack.Reason.RULE, held, Integer::sum);
        return Triage.of(kept, HeldBack.of(counts));
    }

    /** Returns the expectations with an accepted-until date, one per line by their criteria; empty when there is none. */
    public String expectations() {
        return String.join("\n", rules.stream().filter(r -> r.action() == Rule.Action.EXPECT && r.until() != null)
                .map(Rule::criteria).toList());
    }

    /**
     * Returns the severity of an open port, as a finding that it opened would have it: the
     * first severity rule that matches, else the built-in table. The inventory and the report
     * give the severity the mail gives.
     *
     * @param host the host, never null
     * @param port the port, as {@code 3389/tcp}; never null
     * @param service the service on it; may be null
     * @return the severity, never null
     */
    public Severity severityOf(HostIdentity host, String port, @Nullable String service) {
        Severity builtIn = Severities.opened(port, service);
        if (rules.stream().noneMatch(r -> r.action() == Rule.Action.SEVERITY)) {
            return builtIn;
        }
        Finding opened = Finding.newPort(host, port, service, null, builtIn, Instant.EPOCH, Instant.EPOCH);
        for (Rule r : rules) {
            Severity given = r.severityGiven();
            if (r.action() == Rule.Action.SEVERITY && given != null && r.matches(opened)) {
                return given;
            }
        }
        return builtIn;
    }

    @Override
    public String toString() {
        return "Rules" + rules;
    }
}
