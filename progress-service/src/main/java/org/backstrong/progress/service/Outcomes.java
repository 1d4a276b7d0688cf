package org.backstrong.progress.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.backstrong.progress.config.ProgressConfig;
import org.backstrong.progress.domain.SmallGroups;
import org.backstrong.progress.domain.outcome.OutcomeChange;
import org.backstrong.progress.domain.outcome.OutcomeMeasure;
import org.backstrong.progress.domain.outcome.OutcomeOccasion;
import org.backstrong.progress.domain.outcome.OutcomeResponse;
import org.backstrong.progress.event.OutcomeRecorded;
import org.backstrong.progress.repository.OutcomeRepository;
import org.backstrong.progress.repository.OutcomeRepository.StoredResponse;
import org.backstrong.progress.repository.PlanRepository;

/**
 * Patient-reported outcomes: each response stored once (OutcomeRecorded), each patient's course per
 * measure with its verdict (domain/outcome/OutcomeChange), and the analysts' share of responders per
 * clinic, plan template and measure, without groups smaller than the minimum.
 */
@ApplicationScoped
public class Outcomes {

    /**
     * Patients with a baseline and at least one follow-up of the measure in one clinic and template, and how
     * many of them improved by the minimal clinically important change at their latest follow-up.
     */
    public record ResponderShare(
            String clinic,
            String template,
            String measure,
            long patients,
            long responders,
            BigDecimal responderPercent) {}

    /** The groups shown, and how many were left out for counting fewer patients than the minimum. */
    public record ResponderShares(List<ResponderShare> rows, long suppressed) {}

    private final OutcomeRepository outcomes;
    private final PlanRepository plans;
    private final SmallGroups smallGroups;

    public Outcomes(OutcomeRepository outcomes, PlanRepository plans, ProgressConfig config) {
        this.outcomes = outcomes;
        this.plans = plans;
        this.smallGroups = new SmallGroups(config.adherence().minimumGroupSize());
    }

    /** Stores an OutcomeRecorded (checked by {@link IncomingEventReader}); a response stored before changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recorded(OutcomeRecorded event, String eventId) {
        OutcomeResponse response = new OutcomeResponse(
                event.outcomeId(),
                OutcomeMeasure.valueOf(event.measure()),
                OutcomeOccasion.valueOf(event.occasion()),
                event.dueOn(),
                event.completedOn(),
                event.score(),
                event.loggedAt());
        boolean stored = outcomes.store(new OutcomeRepository.NewResponse(
                event.patientId(),
                event.clinicId(),
                event.planId(),
                response,
                event.itemsAnswered(),
                event.itemsTotal(),
                event.questionnaire(),
                eventId));
        if (stored) {
            Log.infof(
                    "Outcome %s of patient %s stored: %s %s on %s",
                    event.outcomeId(), event.patientId(), event.measure(), event.occasion(), event.completedOn());
        } else {
            Log.infof("Outcome %s is known already; nothing changes", event.outcomeId());
        }
    }

    /**
     * A clinician's view of a patient of their clinic: the clinic's responses of the patient, per measure.
     * A patient the clinic has no plan nor response of is not found, as everywhere.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutcomeChange> ofClinicPatient(String clinicId, String patientId) {
        if (!plans.patientInClinic(patientId, clinicId) && !outcomes.patientInClinic(patientId, clinicId)) {
            throw new NotFoundException("No such patient");
        }
        return courses(outcomes.ofPatient(patientId, clinicId));
    }

    /** The patient's own view: all their responses, per measure (none yet: an empty list). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutcomeChange> ofPatient(String patientId) {
        return courses(outcomes.ofPatient(patientId, null));
    }

    /**
     * Per clinic, plan template and measure: each patient's course in that clinic counts once, under the
     * template of the plan its baseline was recorded for, when it has a follow-up.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResponderShares responders(List<String> clinics) {
        Map<String, List<StoredResponse>> byCourse = outcomes.ofClinics(clinics).stream()
                .collect(Collectors.groupingBy(
                        row -> row.clinicId()
                                + '\u0000'
                                + row.patientId()
                                + '\u0000'
                                + row.response().measure(),
                        TreeMap::new,
                        Collectors.toList()));
        Map<List<String>, long[]> groups = new TreeMap<>(Comparator.comparing((List<String> key) -> key.get(0))
                .thenComparing(key -> key.get(1))
                .thenComparing(key -> OutcomeMeasure.valueOf(key.get(2)).ordinal()));
        for (List<StoredResponse> course : byCourse.values()) {
            OutcomeMeasure measure = course.get(0).response().measure();
            OutcomeChange change = OutcomeChange.of(
                            measure,
                            course.stream().map(StoredResponse::response).toList())
                    .orElseThrow();
            if (change.latest() == null) {
                continue;
            }
            StoredResponse baseline = course.stream()
                    .filter(row -> row.response() == change.baseline())
                    .findFirst()
                    .orElseThrow();
            long[] counts = groups.computeIfAbsent(
                    List.of(baseline.clinicId(), baseline.templateId(), measure.name()), key -> new long[2]);
            counts[0]++;
            if (Boolean.TRUE.equals(change.verdict().clinicallyImportant())) {
                counts[1]++;
            }
        }
        List<ResponderShare> shown = new ArrayList<>();
        long suppressed = 0;
        for (Map.Entry<List<String>, long[]> group : groups.entrySet()) {
            long patients = group.getValue()[0];
            if (smallGroups.suppresses(patients)) {
                suppressed++;
                continue;
            }
            String template = group.getKey().get(1);
            shown.add(new ResponderShare(
                    group.getKey().get(0),
                    template.isEmpty() ? "(none)" : template,
                    group.getKey().get(2),
                    patients,
                    group.getValue()[1],
                    AdherenceQueries.percent(group.getValue()[1], patients)));
        }
        return new ResponderShares(List.copyOf(shown), suppressed);
    }

    /** The smallest group analysts see. */
    public SmallGroups smallGroups() {
        return smallGroups;
    }

    private static List<OutcomeChange> courses(List<StoredResponse> rows) {
        Map<OutcomeMeasure, List<OutcomeResponse>> byMeasure = new EnumMap<>(OutcomeMeasure.class);
        rows.forEach(row -> byMeasure
                .computeIfAbsent(row.response().measure(), measure -> new ArrayList<>())
                .add(row.response()));
        return byMeasure.entrySet().stream()
                .map(measure -> OutcomeChange.of(measure.getKey(), measure.getValue()))
                .flatMap(Optional::stream)
                .toList();
    }
}
