package org.backstrong.progress.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;

import org.backstrong.progress.domain.Decision;
import org.backstrong.progress.domain.LoggedSet;
import org.backstrong.progress.domain.MorningCheckIn;
import org.backstrong.progress.domain.PatientPlan;
import org.backstrong.progress.domain.progression.DoubleProgression;
import org.backstrong.progress.domain.progression.MorningCheck;
import org.backstrong.progress.domain.progression.PainFlagSeverity;
import org.backstrong.progress.domain.progression.PastDecision;
import org.backstrong.progress.domain.progression.Prescription;
import org.backstrong.progress.domain.progression.ProgressionDecision;
import org.backstrong.progress.domain.progression.ProgressionInput;
import org.backstrong.progress.domain.progression.ProgressionRule;
import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.event.PlanItemData;
import org.backstrong.progress.event.ProgressionAdjusted;
import org.backstrong.progress.repository.CheckInRepository;
import org.backstrong.progress.repository.DecisionRepository;
import org.backstrong.progress.repository.LoggedSetRepository;
import org.backstrong.progress.repository.PainFlagRepository;

/**
 * Runs the progression engine for every main exercise of a finished session, records each
 * decision with its rule and numbers, and publishes the ones that change the plan.
 */
@ApplicationScoped
public class Progression {

    private final PlanProjection projection;
    private final LoggedSetRepository sets;
    private final CheckInRepository checkIns;
    private final PainFlagRepository flags;
    private final DecisionRepository decisions;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final EventMetrics metrics;

    public Progression(
            PlanProjection projection,
            LoggedSetRepository sets,
            CheckInRepository checkIns,
            PainFlagRepository flags,
            DecisionRepository decisions,
            Outbox outbox,
            ObjectMapper json,
            EventMetrics metrics) {
        this.metrics = metrics;
        this.projection = projection;
        this.sets = sets;
        this.checkIns = checkIns;
        this.flags = flags;
        this.decisions = decisions;
        this.outbox = outbox;
        this.json = DecisionJson.on(json);
    }

    /**
     * Warm-ups are not progressed. Every main item gets a decision, also when the plan is not
     * active or a later session was decided first (holds that change nothing), so that a session is
     * decided once and never again later, against another dose.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterSession(PatientPlan plan, LocalDate sessionDate, String sourceEventId, OffsetDateTime at) {
        LocalDate laterSessionDecided = decisions
                .latestSessionDate(plan.planId)
                .filter(latest -> latest.isAfter(sessionDate))
                .orElse(null);
        List<LoggedSet> session = sets.ofSession(plan.planId, sessionDate);
        MorningCheck lastCheckIn = checkIns.latestUpTo(plan.patientId, sessionDate)
                .map(MorningCheckIn::check)
                .orElse(null);
        boolean firstWeek = projection.schedule(plan).inFirstWeek(sessionDate);
        Map<UUID, Prescription> startingDoses = projection.startingItems(plan).stream()
                .collect(Collectors.toMap(PlanItemData::itemId, EventPrescriptions::of, (first, again) -> first));
        Map<UUID, List<PastDecision>> earlier = decisions.ofPlanBefore(plan.planId, sessionDate).stream()
                .collect(Collectors.groupingBy(
                        decision -> decision.itemId, Collectors.mapping(this::past, Collectors.toList())));
        for (PlanItemData item : projection.items(plan)) {
            if (item.warmUp()) {
                continue;
            }
            ProgressionInput input = new ProgressionInput(
                    EventPrescriptions.of(item),
                    session.stream()
                            .filter(set -> set.itemId.equals(item.itemId()))
                            .map(LoggedSet::result)
                            .toList(),
                    plan.status,
                    laterSessionDecided,
                    firstWeek,
                    item.paused(),
                    flags.unresolvedOn(plan.patientId, item.itemId(), PainFlagSeverity.STOP),
                    flags.unresolvedOn(plan.patientId, item.itemId(), PainFlagSeverity.WATCH),
                    lastCheckIn,
                    startingDoses.get(item.itemId()),
                    earlier.getOrDefault(item.itemId(), List.of()));
            ProgressionDecision decision = DoubleProgression.decide(input);
            Decision recorded = record(plan, item, sessionDate, decision, sourceEventId, at);
            if (decision.adjustsThePlan()) {
                projection.replaceItem(plan, EventPrescriptions.with(item, decision.after()), sessionDate.plusDays(1));
                outbox.publish(
                        EventTypes.PROGRESSION_ADJUSTED,
                        plan.patientId,
                        new ProgressionAdjusted(
                                recorded.id,
                                plan.patientId,
                                plan.clinicId,
                                plan.planId,
                                item.itemId(),
                                item.exerciseId(),
                                recorded.rule,
                                recorded.reason,
                                EventPrescriptions.data(decision.before()),
                                EventPrescriptions.data(decision.after()),
                                decision.suggestedVariantId(),
                                at));
            }
        }
    }

    /** An earlier decision as the engine reads it; a rule this version does not know counts as none. */
    private PastDecision past(Decision decision) {
        ProgressionRule rule = Arrays.stream(ProgressionRule.values())
                .filter(known -> known.name().equals(decision.rule))
                .findFirst()
                .orElse(null);
        try {
            return new PastDecision(
                    decision.sessionDate,
                    rule,
                    EventPrescriptions.ofRecorded(
                            json.readValue(decision.beforePrescription, RecordedPrescription.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Decision " + decision.id + " has an unreadable prescription", e);
        }
    }

    private Decision record(
            PatientPlan plan,
            PlanItemData item,
            LocalDate sessionDate,
            ProgressionDecision decision,
            String sourceEventId,
            OffsetDateTime at) {
        Decision recorded = new Decision();
        recorded.id = UUID.randomUUID();
        recorded.patientId = plan.patientId;
        recorded.clinicId = plan.clinicId;
        recorded.planId = plan.planId;
        recorded.itemId = item.itemId();
        recorded.exerciseId = item.exerciseId();
        recorded.sessionDate = sessionDate;
        recorded.outcome = decision.outcome();
        recorded.rule = decision.rule().name();
        recorded.inputs = write(decision.evidence());
        recorded.reason = decision.reason();
        recorded.beforePrescription = write(decision.before());
        recorded.afterPrescription = write(decision.after());
        recorded.suggestedVariantId = decision.suggestedVariantId();
        recorded.sourceEventId = sourceEventId;
        recorded.decidedAt = at;
        decisions.persist(recorded);
        metrics.decided(decision);
        Log.infof(
                "Decision %s for patient %s plan %s item %s (%s) on %s: %s by %s %s",
                recorded.id,
                plan.patientId,
                plan.planId,
                item.itemId(),
                item.exerciseId(),
                sessionDate,
                decision.outcome(),
                decision.rule(),
                recorded.inputs);
        return recorded;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A decision could not be written as JSON", e);
        }
    }
}
