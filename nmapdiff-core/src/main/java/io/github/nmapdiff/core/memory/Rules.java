package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.Triage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rules a team wrote down, applied to each run's findings: the first ignore or holding
 * expectation that matches a finding holds it back; otherwise the first severity rule that
 * matches sets its severity. An expectation past its last day holds no more: the run on the
 * day after reminds people of each port it took in that is still open. Immutable.
 */
public final class Rules {
    private static final Rules NONE = new Rules(List.of());

    private final List<Rule> rules;

    private Rules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
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
        return new Rules(rules);
    }

    /** Returns the rules, in order. */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * Applies the rules to a run's triage.
     *
     * @param triage what the memory found
     * @param memory the memory, after it absorbed the scan (for expectations that ran out)
     * @param today the run's day
     * @param previous the previous run's day; null for none (no reminders then)
     * @return the triage with the rules applied
     */
    public Triage apply(Triage triage, NetworkMemory memory, LocalDate today, LocalDate previous) {
        if (rules.isEmpty()) {
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
                    out = f.withSeverity(r.severityGiven());
                    break;
                }
            }
            kept.add(out);
        }
        if (previous != null) {
            for (Rule r : rules) {
                if (r.action() == Rule.Action.EXPECT && r.until() != null && !previous.isAfter(r.until()) && today.isAfter(r.until())) {
                    for (Finding reminder : memory.expired(r)) {
                        // a port reported tonight anyway needs no reminder
                        if (kept.stream().noneMatch(k -> k.address().equals(reminder.address()) && reminder.port().equals(k.port()))) {
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

    @Override
    public String toString() {
        return "Rules" + rules;
    }
}
