package org.backstrong.planner.service;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.backstrong.planner.domain.Author;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.PlanItem;
import org.backstrong.planner.domain.Prescription;
import org.backstrong.planner.domain.PrescriptionChange;
import org.backstrong.planner.domain.StopFlagPause;
import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.event.PainFlagResolved;
import org.backstrong.planner.event.PainFlagged;
import org.backstrong.planner.event.PrescriptionData;
import org.backstrong.planner.event.ProgressionAdjusted;
import org.backstrong.planner.messaging.EventData;
import org.backstrong.planner.messaging.Outbox;
import org.backstrong.planner.messaging.Topics;
import org.backstrong.planner.repository.PlanRepository;
import org.backstrong.planner.repository.PrescriptionChangeRepository;
import org.backstrong.planner.repository.ProcessedEventRepository;

/** Applies progress-service's decisions: new prescriptions (audited as automatic), pauses and resumes. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProgressUpdates {

    private final PlanRepository plans;
    private final PrescriptionChangeRepository changes;
    private final Plans planChanges;
    private final Outbox outbox;
    private final ProcessedEventRepository processed;

    public ProgressUpdates(
            PlanRepository plans,
            PrescriptionChangeRepository changes,
            Plans planChanges,
            Outbox outbox,
            ProcessedEventRepository processed) {
        this.plans = plans;
        this.changes = changes;
        this.planChanges = planChanges;
        this.outbox = outbox;
        this.processed = processed;
    }

    /**
     * Applies one event read from progress-events, with its id, in one transaction: a redelivered
     * event changes nothing.
     *
     * @throws InvalidEventException when the event can never be applied (incomplete, or about a plan
     *         or item that does not exist); nothing is changed then
     */
    @Transactional
    public void apply(UUID eventId, String type, Object data) {
        if (!firstDelivery(eventId, type)) {
            Log.debugf("Event %s (%s) already applied", eventId, type);
            return;
        }
        if (data instanceof ProgressionAdjusted decision) {
            require(decision.patientId(), decision.planId(), decision.itemId(), decision.after(), decision.rule());
            adjust(decision);
        } else if (data instanceof PainFlagged flag) {
            require(flag.patientId(), flag.planId(), flag.flagId(), flag.severity());
            flagged(flag);
        } else if (data instanceof PainFlagResolved resolution) {
            require(resolution.patientId(), resolution.planId(), resolution.flagId());
            resolved(resolution);
        } else {
            throw new InvalidEventException(InvalidEventException.UNKNOWN_TYPE, "Unknown event type " + type);
        }
    }

    /** Records the event id; false when it was recorded before (a redelivery). */
    boolean firstDelivery(UUID eventId, String type) {
        return processed.recordFirst(eventId, type);
    }

    private static void require(Object... fields) {
        for (Object field : fields) {
            if (field == null) {
                throw new InvalidEventException(
                        InvalidEventException.UNREADABLE_DATA,
                        "a required field is missing (patientId, planId, the item or flag id, and the decision)");
            }
        }
    }

    /**
     * A decision made on the dose the item has now changes it (audited as automatic, with the rule).
     * One made on a dose that has changed since (a clinician's edit came first) is not applied: it
     * would undo that edit with a step computed from the old dose.
     */
    void adjust(ProgressionAdjusted decision) {
        PlanItem item = itemOf(decision.patientId(), decision.planId(), decision.itemId());
        Prescription before = item.prescription;
        if (decision.before() != null && !samePrescription(before, withDose(before, decision.before()))) {
            planChanges.audit(
                    item.plan.id,
                    item.id,
                    Author.AUTOMATIC,
                    decision.rule(),
                    "Automatic change not applied: the prescription changed after the session it was decided on.",
                    null,
                    null);
            Log.infof(
                    "Plan %s item %s: decision %s (%s) not applied, it was made on an earlier prescription",
                    item.plan.id, item.id, decision.decisionId(), decision.rule());
            return;
        }
        Prescription after = withDose(before, decision.after());
        String reason = decision.reason()
                + (decision.suggestedVariantId() == null
                        ? ""
                        : " Suggested next: " + decision.suggestedVariantId() + ".");
        if (samePrescription(before, after)) {
            // Only a suggestion (a harder variant for the clinician): kept once, the plan is unchanged.
            if (!changes.suggested(item.id, decision.rule(), reason)) {
                planChanges.audit(item.plan.id, item.id, Author.AUTOMATIC, decision.rule(), reason, null, null);
            }
            return;
        }
        item.prescription = after;
        planChanges.audit(item.plan.id, item.id, Author.AUTOMATIC, decision.rule(), reason, before, after);
        publishChange(item, decision.rule());
        Log.infof(
                "Plan %s item %s adjusted by rule %s (decision %s)",
                item.plan.id, item.id, decision.rule(), decision.decisionId());
    }

    /** A STOP flag pauses its exercise until a clinician resolves it; a WATCH flag changes no plan. */
    void flagged(PainFlagged flag) {
        if (!PainFlagged.STOP.equals(flag.severity()) || flag.itemId() == null) {
            return;
        }
        PlanItem item = itemOf(flag.patientId(), flag.planId(), flag.itemId());
        boolean wasPaused = item.paused;
        item.openStopFlags = new HashSet<>(StopFlagPause.raised(item.openStopFlags, flag.flagId()));
        item.paused = StopFlagPause.paused(item.openStopFlags);
        item.pauseReason = "Stopped for pain (" + flag.evidence() + "); a clinician will review it.";
        planChanges.audit(
                item.plan.id,
                item.id,
                Author.AUTOMATIC,
                flag.rule(),
                "Paused because of pain (" + flag.evidence()
                        + "); your clinician will review it before you do it again.",
                null,
                null);
        if (!wasPaused) {
            publishChange(item, flag.rule());
        }
        Log.infof(
                "Plan %s item %s paused by STOP flag %s (%d open)",
                item.plan.id, item.id, flag.flagId(), item.openStopFlags.size());
    }

    /** A resolved STOP flag resumes its exercise only when it was the last one open on it. */
    void resolved(PainFlagResolved resolution) {
        if (resolution.itemId() == null) {
            return;
        }
        PlanItem item = itemOf(resolution.patientId(), resolution.planId(), resolution.itemId());
        if (!item.openStopFlags.contains(resolution.flagId())) {
            return;
        }
        item.openStopFlags = new HashSet<>(StopFlagPause.resolved(item.openStopFlags, resolution.flagId()));
        if (StopFlagPause.paused(item.openStopFlags)) {
            Log.infof(
                    "Plan %s item %s stays paused: flag %s resolved, %d STOP flag(s) still open",
                    item.plan.id, item.id, resolution.flagId(), item.openStopFlags.size());
            return;
        }
        item.paused = false;
        item.pauseReason = null;
        planChanges.audit(
                item.plan.id,
                item.id,
                Author.of(resolution.resolvedBy()),
                null,
                "Exercise resumed: your clinician reviewed the pain flag"
                        + (resolution.note() == null || resolution.note().isBlank()
                                ? "."
                                : " (" + resolution.note() + ")."),
                null,
                null);
        publishChange(item, null);
        Log.infof("Plan %s item %s resumed, flag %s resolved", item.plan.id, item.id, resolution.flagId());
    }

    /** The prescription with the dose of an event's prescription: what progression changes. */
    private static Prescription withDose(Prescription current, PrescriptionData dose) {
        Prescription changed = current.copy();
        changed.sets = dose.sets();
        changed.repsMin = dose.repsMin();
        changed.repsMax = dose.repsMax();
        changed.secondsMin = dose.secondsMin();
        changed.secondsMax = dose.secondsMax();
        changed.holdSeconds = dose.holdSeconds();
        changed.loadKg = dose.loadKg();
        changed.band = dose.band();
        return changed;
    }

    private static boolean samePrescription(Prescription a, Prescription b) {
        return a.sets == b.sets
                && Objects.equals(a.repsMin, b.repsMin)
                && Objects.equals(a.repsMax, b.repsMax)
                && Objects.equals(a.secondsMin, b.secondsMin)
                && Objects.equals(a.secondsMax, b.secondsMax)
                && Objects.equals(a.holdSeconds, b.holdSeconds)
                && Objects.equals(a.band, b.band)
                && (a.loadKg == null ? b.loadKg == null : b.loadKg != null && a.loadKg.compareTo(b.loadKg) == 0);
    }

    private void publishChange(PlanItem item, String rule) {
        Plan plan = item.plan;
        outbox.add(
                Topics.PLAN_EVENTS,
                plan.patientId,
                EventTypes.PLAN_CHANGED,
                EventData.planSnapshot(plan, List.of(item.id), PrescriptionChange.AUTOMATIC, rule));
    }

    private PlanItem itemOf(String patientId, UUID planId, UUID itemId) {
        Plan plan = plans.findByIdOptional(planId)
                .filter(p -> p.patientId.equals(patientId))
                .orElseThrow(() -> new InvalidEventException(
                        InvalidEventException.NOT_APPLICABLE, "No plan " + planId + " of patient " + patientId));
        return plan.items.stream()
                .filter(item -> item.id.equals(itemId))
                .findFirst()
                .orElseThrow(() -> new InvalidEventException(
                        InvalidEventException.NOT_APPLICABLE, "No item " + itemId + " in plan " + planId));
    }
}
