package org.backstrong.planner.service;

import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

import org.backstrong.planner.domain.LoggedSet;
import org.backstrong.planner.domain.SetLogRules;
import org.backstrong.planner.domain.SetRefusal;
import org.backstrong.planner.domain.SetTarget;
import org.backstrong.planner.messaging.Outbox;
import org.backstrong.planner.messaging.OutboxRelay;
import org.backstrong.planner.repository.SetLogStore;
import org.backstrong.planner.repository.SetLogStore.Key;
import org.backstrong.planner.repository.SetLogStore.NewSet;
import org.backstrong.planner.repository.SetLogStore.Statements;

/**
 * Decides a batch of queued sets in one transaction: one read of the plans and items, the rules of
 * {@link SetLogRules}, one insert of every accepted set with its outbox event, one commit. Per set the answer is
 * exactly what a transaction of its own would give, in arrival order: a resend answers what was stored first, a
 * taken slot is a 409, a refused set changes nothing.
 */
@ApplicationScoped
public class SetLogBatch {

    /** What the batch decided for one pending set: stored, resent, or refused (and why). */
    record Outcome(Logged<LoggedSet> logged, RuntimeException refused, SetRefusal refusal) {}

    private final SetLogStore store;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final SetLogMetrics metrics;

    public SetLogBatch(SetLogStore store, Outbox outbox, OutboxRelay relay, SetLogMetrics metrics) {
        this.store = store;
        this.outbox = outbox;
        this.relay = relay;
        this.metrics = metrics;
    }

    /** Stores the batch and answers each of its sets after the commit that decided it. */
    void write(List<PendingSet> batch) {
        store.write(batch, this::decide, new SetLogStore.Answers<>() {
            @Override
            public void committed(List<PendingSet> decided, List<Outcome> outcomes) {
                SetLogMetrics.Tally tally = new SetLogMetrics.Tally();
                for (Outcome outcome : outcomes) {
                    if (outcome.refusal() != null) {
                        tally.refused(outcome.refusal());
                    } else if (outcome.logged().created()) {
                        tally.stored();
                    } else {
                        tally.duplicate();
                    }
                }
                // Counted before the answers, so a caller that has its answer finds it counted.
                metrics.decided(tally);
                for (int i = 0; i < decided.size(); i++) {
                    decided.get(i)
                            .answer(outcomes.get(i).logged(), outcomes.get(i).refused());
                }
                if (tally.stored > 0) {
                    relay.wake();
                }
            }

            @Override
            public void failed(PendingSet pending, Exception cause) {
                Log.errorf(cause, "Set %s could not be stored", pending.input().setId());
                metrics.failed(1);
                pending.answer(null, new IllegalStateException("Set could not be stored", cause));
            }
        });
    }

    private List<Outcome> decide(Statements statements, List<PendingSet> batch) {
        Set<Key> keys = new LinkedHashSet<>();
        batch.forEach(pending ->
                keys.add(new Key(pending.input().planId(), pending.input().itemId())));
        Map<Key, SetTarget> targets = statements.targets(keys);

        Outcome[] outcomes = new Outcome[batch.size()];
        LoggedSet[] sets = new LoggedSet[batch.size()];
        SetRefusal[] refusals = new SetRefusal[batch.size()];
        SetTarget.Item[] items = new SetTarget.Item[batch.size()];
        List<NewSet> inserts = new ArrayList<>();
        List<Integer> inserted = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            PendingSet pending = batch.get(i);
            SetTarget target = targets.get(
                    new Key(pending.input().planId(), pending.input().itemId()));
            LoggedSet set = loggedSet(pending.patientId(), pending.input());
            sets[i] = set;
            Optional<SetRefusal> refusal = SetLogRules.refusal(target, pending.patientId(), set, pending.today());
            if (refusal.isPresent()) {
                refusals[i] = refusal.get();
                continue;
            }
            items[i] = target.item();
            inserts.add(new NewSet(
                    set,
                    outbox.setCompleted(set, target.clinicId(), target.item().exerciseId(), pending.traceparent())));
            inserted.add(i);
        }
        boolean[] stored = statements.insertIfNew(inserts);
        for (int n = 0; n < inserted.size(); n++) {
            if (stored[n]) {
                outcomes[inserted.get(n)] =
                        new Outcome(new Logged<>(inserts.get(n).set(), true), null, null);
            }
        }

        // Not stored now: a resend (answered with what was stored first), a refusal, or a taken slot.
        Set<UUID> lookUp = new LinkedHashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] == null) {
                lookUp.add(batch.get(i).input().setId());
            }
        }
        Map<UUID, LoggedSet> earlier = statements.find(lookUp);
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] == null) {
                LoggedSet first = earlier.get(batch.get(i).input().setId());
                outcomes[i] = first != null
                        ? resent(first, batch.get(i).patientId())
                        : refusals[i] != null
                                ? refused(refusals[i])
                                : refused(SetLogRules.slotTaken(sets[i], items[i].exerciseName()));
            }
        }
        return List.of(outcomes);
    }

    private static Outcome resent(LoggedSet first, String patientId) {
        return SetLogRules.resendRefusal(first, patientId)
                .map(SetLogBatch::refused)
                .orElseGet(() -> new Outcome(new Logged<>(first, false), null, null));
    }

    private static Outcome refused(SetRefusal refusal) {
        return new Outcome(null, Refusals.exception(refusal), refusal);
    }

    /** The set as it will be stored if the rules accept it. */
    private static LoggedSet loggedSet(String patientId, SetInput input) {
        LoggedSet set = new LoggedSet();
        set.id = input.setId();
        set.patientId = patientId;
        set.planId = input.planId();
        set.itemId = input.itemId();
        set.sessionDate = input.date();
        set.setNumber = input.setNumber();
        set.side = input.side() == null
                ? null
                : LoggedSet.Side.valueOf(input.side().toUpperCase());
        set.reps = input.reps();
        set.seconds = input.seconds();
        // As PostgreSQL keeps them, so the first answer and every resend's are the same.
        set.loadKg = input.loadKg() == null ? null : input.loadKg().setScale(2, RoundingMode.HALF_UP);
        set.band = input.band();
        set.rir = input.rir();
        set.rpe = input.rpe() == null ? null : input.rpe().setScale(1, RoundingMode.HALF_UP);
        set.pain = input.pain();
        set.beyondNormalFatigue = input.beyondNormalFatigue();
        set.note = input.note();
        set.loggedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return set;
    }
}
