package org.backstrong.progress.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

import org.backstrong.progress.domain.progression.PainFlagRule;
import org.backstrong.progress.domain.progression.ProgressionDecision;
import org.backstrong.progress.domain.progression.ProgressionRule;
import org.backstrong.progress.event.EventTypes;

/**
 * What applying events did, in /q/metrics: backstrong_events_applied_total{type} and
 * backstrong_events_duplicates_total{type} (an event id applied before: nothing changed),
 * backstrong_pain_flags_raised_total{rule,severity} and backstrong_progression_decisions_total{rule,outcome}
 * (outcome progress, hold, regress, or harder-variant when the decision suggests the harder variant).
 *
 * <p>Tallied in the transaction that applies a batch, and added to the counters once, when that transaction
 * commits: a batch rolled back and tried again is counted once, and the hot path pays a map entry per event.
 * Every tag comes from a closed set (the consumed types, the rules' enums), every series known at 0 from the start.
 */
// At start, not at first use: every series is in the scrape before the first set or event.
@Startup
@ApplicationScoped
public class EventMetrics {

    /** The types this service applies (IncomingEventReader refuses any other). */
    static final List<String> APPLIED_TYPES = List.of(
            EventTypes.PLAN_ASSIGNED,
            EventTypes.PLAN_CHANGED,
            EventTypes.PLAN_PAUSED,
            EventTypes.PLAN_RESUMED,
            EventTypes.PLAN_ENDED,
            EventTypes.SET_COMPLETED,
            EventTypes.SESSION_COMPLETED,
            EventTypes.MORNING_CHECK_IN,
            EventTypes.OUTCOME_RECORDED);

    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, Counter> applied = new HashMap<>();
    private final Map<String, Counter> duplicates = new HashMap<>();
    private final Map<PainFlagRule, Counter> flags = new HashMap<>();
    private final Map<String, Counter> decisions = new HashMap<>();

    public EventMetrics(TransactionSynchronizationRegistry transactions, MeterRegistry metrics) {
        this.transactions = transactions;
        for (String type : APPLIED_TYPES) {
            applied.put(
                    type,
                    Counter.builder("backstrong.events.applied")
                            .description("Events applied, by type")
                            .tag("type", type)
                            .register(metrics));
            duplicates.put(
                    type,
                    Counter.builder("backstrong.events.duplicates")
                            .description("Events skipped because their id was applied before, by type")
                            .tag("type", type)
                            .register(metrics));
        }
        for (PainFlagRule rule : PainFlagRule.values()) {
            flags.put(
                    rule,
                    Counter.builder("backstrong.pain.flags.raised")
                            .description("Pain flags raised, by rule and severity")
                            .tag("rule", rule.name())
                            .tag("severity", rule.severity().name())
                            .register(metrics));
        }
        for (ProgressionRule rule : ProgressionRule.values()) {
            decisions.put(
                    rule.name(),
                    Counter.builder("backstrong.progression.decisions")
                            .description("Progression decisions, by the rule that decided and what it did")
                            .tag("rule", rule.name())
                            .tag("outcome", outcome(rule))
                            .register(metrics));
        }
    }

    /** The outcome tag: the rule's outcome, with the suggestion of a harder variant told apart from a progression. */
    static String outcome(ProgressionRule rule) {
        return rule == ProgressionRule.HARDER_VARIANT
                ? "harder-variant"
                : rule.outcome().name().toLowerCase();
    }

    /** An event of the current transaction applied. */
    void applied(String type) {
        tally().add(applied.get(type));
    }

    /** An event of the current transaction skipped: its id was applied before. */
    void duplicate(String type) {
        tally().add(duplicates.get(type));
    }

    /** A pain flag raised in the current transaction. */
    void flagRaised(PainFlagRule rule) {
        tally().add(flags.get(rule));
    }

    /** A progression decision recorded in the current transaction. */
    void decided(ProgressionDecision decision) {
        tally().add(decisions.get(decision.rule().name()));
    }

    /** The current transaction's tally, added to the counters when it commits and dropped when it rolls back. */
    private Tally tally() {
        Tally tally = (Tally) transactions.getResource(Tally.class);
        if (tally == null) {
            tally = new Tally();
            transactions.putResource(Tally.class, tally);
            transactions.registerInterposedSynchronization(tally);
        }
        return tally;
    }

    /** Counts of one transaction, by counter. */
    private static final class Tally implements Synchronization {

        private final Map<Counter, Integer> counts = new HashMap<>();

        void add(Counter counter) {
            if (counter != null) {
                counts.merge(counter, 1, Integer::sum);
            }
        }

        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                counts.forEach((counter, count) -> counter.increment(count));
            }
        }
    }
}
