package org.backstrong.planner.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.backstrong.planner.domain.LoggedSet;
import org.backstrong.planner.domain.OutcomeResponse;
import org.backstrong.planner.domain.Patient;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.PrescriptionChange;
import org.backstrong.planner.domain.Template;
import org.backstrong.planner.repository.LoggedSetRepository;
import org.backstrong.planner.repository.OutcomeResponseRepository;
import org.backstrong.planner.repository.PlanRepository;
import org.backstrong.planner.repository.PrescriptionChangeRepository;
import org.backstrong.planner.repository.TemplateRepository;

/**
 * Everything planner holds of one of a clinic's patients, read in one go for an export: the
 * patient, every plan with its items, the templates they came from, every logged set and every
 * change to the plans, and every scored outcome measure.
 */
@ApplicationScoped
public class PatientRecords {

    /** One patient's record; templates by id (a plan's template may since have gone). */
    public record Record(
            Patient patient,
            List<Plan> plans,
            Map<UUID, Template> templates,
            List<LoggedSet> sets,
            List<PrescriptionChange> changes,
            List<Outcome> outcomes) {}

    /** A scored outcome measure with its answers by linkId. */
    public record Outcome(OutcomeResponse response, Map<String, Object> answers) {}

    private final PatientRegistry patients;
    private final PlanRepository plans;
    private final TemplateRepository templates;
    private final LoggedSetRepository sets;
    private final PrescriptionChangeRepository changes;
    private final OutcomeResponseRepository outcomes;
    private final OutcomeMeasures measures;

    public PatientRecords(
            PatientRegistry patients,
            PlanRepository plans,
            TemplateRepository templates,
            LoggedSetRepository sets,
            PrescriptionChangeRepository changes,
            OutcomeResponseRepository outcomes,
            OutcomeMeasures measures) {
        this.patients = patients;
        this.plans = plans;
        this.templates = templates;
        this.sets = sets;
        this.changes = changes;
        this.outcomes = outcomes;
        this.measures = measures;
    }

    /** The clinic's patient's record; 404 for another clinic's patient or an unknown one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Record of(String clinicId, String patientId) {
        Patient patient = patients.get(clinicId, patientId);
        List<Plan> found = plans.ofPatient(patientId);
        Map<UUID, Template> used = new LinkedHashMap<>();
        for (Plan plan : found) {
            plan.items.size();
            if (plan.templateId != null && !used.containsKey(plan.templateId)) {
                Template template = templates.findById(plan.templateId);
                if (template != null) {
                    template.items.size();
                    used.put(template.id, template);
                }
            }
        }
        List<UUID> planIds = found.stream().map(plan -> plan.id).toList();
        List<PrescriptionChange> planChanges =
                found.stream().flatMap(plan -> changes.ofPlan(plan.id).stream()).toList();
        List<Outcome> scored = outcomes.ofPatient(patientId).stream()
                .map(response -> new Outcome(response, measures.answersOf(response)))
                .toList();
        return new Record(patient, found, used, sets.ofPlans(planIds), planChanges, scored);
    }
}
