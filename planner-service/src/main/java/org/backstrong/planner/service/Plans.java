package org.backstrong.planner.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;

import org.backstrong.planner.domain.Author;
import org.backstrong.planner.domain.Patient;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.PlanItem;
import org.backstrong.planner.domain.PlanStatus;
import org.backstrong.planner.domain.Prescription;
import org.backstrong.planner.domain.PrescriptionChange;
import org.backstrong.planner.domain.Screening;
import org.backstrong.planner.domain.Template;
import org.backstrong.planner.domain.TemplateItem;
import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.event.PlanStatusChanged;
import org.backstrong.planner.messaging.EventData;
import org.backstrong.planner.messaging.Outbox;
import org.backstrong.planner.messaging.Topics;
import org.backstrong.planner.repository.PlanRepository;
import org.backstrong.planner.repository.PrescriptionChangeRepository;

/**
 * Patients' plans: assigned from a template as the patient's own copy, edited by clinicians
 * (every change kept in the audit trail), paused, resumed and ended. Each change publishes its
 * plan event through the outbox, in the same transaction.
 */
@ApplicationScoped
public class Plans {

    private final PlanRepository plans;
    private final PrescriptionChangeRepository changes;
    private final PatientRegistry patients;
    private final TemplateLibrary templates;
    private final Outbox outbox;
    private final ObjectMapper json;

    public Plans(
            PlanRepository plans,
            PrescriptionChangeRepository changes,
            PatientRegistry patients,
            TemplateLibrary templates,
            Outbox outbox,
            ObjectMapper json) {
        this.plans = plans;
        this.changes = changes;
        this.patients = patients;
        this.templates = templates;
        this.outbox = outbox;
        this.json = json;
    }

    @Transactional
    public Plan assign(String clinicId, Author clinician, String patientId, AssignmentInput input) {
        Patient patient = patients.get(clinicId, patientId);
        Screening.whyNotStart(patient.preExistingCondition, patient.clearedOn, input.startDate())
                .ifPresent(why -> {
                    throw new ConflictException("clearance-required", why);
                });
        plans.currentOf(patientId).ifPresent(current -> {
            throw new ConflictException(
                    "plan-in-progress",
                    "Patient " + patientId + " already follows plan " + current.id + " ("
                            + current.status.name().toLowerCase() + "): end it before assigning another");
        });
        Template template;
        try {
            template = templates.get(input.templateId(), clinicId);
        } catch (NotFoundException e) {
            throw new InvalidInputException(422, "unknown-template", "templateId", "No template " + input.templateId());
        }
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.patientId = patientId;
        plan.clinicId = clinicId;
        plan.templateId = template.id;
        plan.name = template.name;
        plan.goal = template.goal;
        plan.startDate = input.startDate();
        plan.weeks = template.weeks;
        plan.weekdays = input.weekdays().stream().distinct().sorted().toList();
        plan.status = PlanStatus.ACTIVE;
        plan.createdBy = clinician.id();
        plan.createdAt = OffsetDateTime.now();
        for (TemplateItem source : template.items) {
            PlanItem item = new PlanItem();
            item.id = UUID.randomUUID();
            item.plan = plan;
            item.block = source.block;
            item.position = source.position;
            item.exerciseId = source.exerciseId;
            item.exerciseVersion = source.exerciseVersion;
            item.exerciseName = source.exerciseName;
            item.prescription = source.prescription.copy();
            plan.items.add(item);
        }
        plans.persist(plan);
        audit(plan.id, null, clinician, null, "Plan assigned from template " + template.name, null, null);
        outbox.add(Topics.PLAN_EVENTS, patientId, EventTypes.PLAN_ASSIGNED, EventData.planAssigned(plan));
        Log.infof(
                "Plan %s assigned to patient %s from template %s, starting %s",
                plan.id, patientId, template.id, plan.startDate);
        return plan;
    }

    /** A plan as its clinic's clinicians see it; 404 for anyone else's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Plan forClinician(String clinicId, UUID planId) {
        Plan plan = plans.findByIdOptional(planId)
                .filter(p -> p.clinicId.equals(clinicId))
                .orElseThrow(() -> new NotFoundException("Plan " + planId));
        plan.items.size();
        return plan;
    }

    /** A plan as its own patient sees it; 404 for anyone else's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Plan forPatient(String patientId, UUID planId) {
        Plan plan = plans.findByIdOptional(planId)
                .filter(p -> p.patientId.equals(patientId))
                .orElseThrow(() -> new NotFoundException("Plan " + planId));
        plan.items.size();
        return plan;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Plan> ofPatient(String clinicId, String patientId) {
        patients.get(clinicId, patientId);
        List<Plan> found = plans.ofPatient(patientId);
        found.forEach(plan -> plan.items.size());
        return found;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PrescriptionChange> auditTrail(String clinicId, UUID planId) {
        forClinician(clinicId, planId);
        return changes.ofPlan(planId);
    }

    /** A clinician's change to one prescription: audited, and published as PlanChanged. */
    @Transactional
    public Plan editItem(String clinicId, Author clinician, UUID planId, UUID itemId, PrescriptionEdit edit) {
        Plan plan = forClinician(clinicId, planId);
        requireNotCompleted(plan);
        PlanItem item = itemOf(plan, itemId);
        Prescription before = item.prescription;
        item.prescription = Prescriptions.fromEdit(edit.prescription(), before, "prescription");
        audit(plan.id, item.id, clinician, null, edit.reason().trim(), before, item.prescription);
        outbox.add(
                Topics.PLAN_EVENTS,
                plan.patientId,
                EventTypes.PLAN_CHANGED,
                EventData.planSnapshot(plan, List.of(item.id), clinician.id(), null));
        Log.infof("Plan %s item %s prescription edited by %s", plan.id, item.id, clinician.id());
        return plan;
    }

    @Transactional
    public Plan pause(String clinicId, Author clinician, UUID planId, String reason) {
        return changeStatus(
                clinicId, clinician, planId, PlanStatus.ACTIVE, PlanStatus.PAUSED, EventTypes.PLAN_PAUSED, reason);
    }

    @Transactional
    public Plan resume(String clinicId, Author clinician, UUID planId, String reason) {
        return changeStatus(
                clinicId, clinician, planId, PlanStatus.PAUSED, PlanStatus.ACTIVE, EventTypes.PLAN_RESUMED, reason);
    }

    @Transactional
    public Plan end(String clinicId, Author clinician, UUID planId, String reason) {
        return changeStatus(clinicId, clinician, planId, null, PlanStatus.COMPLETED, EventTypes.PLAN_ENDED, reason);
    }

    private Plan changeStatus(
            String clinicId,
            Author clinician,
            UUID planId,
            PlanStatus from,
            PlanStatus to,
            String eventType,
            String reason) {
        Plan plan = forClinician(clinicId, planId);
        requireNotCompleted(plan);
        if (from != null && plan.status != from) {
            throw new ConflictException(
                    "plan-" + plan.status.name().toLowerCase(),
                    "Plan " + planId + " is " + plan.status.name().toLowerCase() + ", not "
                            + from.name().toLowerCase());
        }
        plan.status = to;
        plan.statusReason = reason.trim();
        audit(plan.id, null, clinician, null, "Plan " + to.name().toLowerCase() + ": " + plan.statusReason, null, null);
        outbox.add(
                Topics.PLAN_EVENTS,
                plan.patientId,
                eventType,
                new PlanStatusChanged(plan.id, plan.patientId, plan.clinicId, LocalDate.now(), plan.statusReason));
        Log.infof("Plan %s %s by %s", plan.id, to.name().toLowerCase(), clinician.id());
        return plan;
    }

    private static void requireNotCompleted(Plan plan) {
        if (plan.status == PlanStatus.COMPLETED) {
            throw new ConflictException("plan-completed", "Plan " + plan.id + " has ended and no longer changes");
        }
    }

    static PlanItem itemOf(Plan plan, UUID itemId) {
        return plan.items.stream()
                .filter(item -> item.id.equals(itemId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Item " + itemId + " of plan " + plan.id));
    }

    /** Keeps one entry of the audit trail: who (a clinician, or automatic with the rule), when and why. */
    void audit(
            UUID planId,
            UUID itemId,
            Author changedBy,
            String rule,
            String reason,
            Prescription before,
            Prescription after) {
        PrescriptionChange change = new PrescriptionChange();
        change.id = UUID.randomUUID();
        change.planId = planId;
        change.itemId = itemId;
        change.changedAt = OffsetDateTime.now();
        change.changedBy = changedBy.id();
        change.changedByName = changedBy.name();
        change.rule = rule;
        change.reason = reason;
        change.before = before == null ? null : toJson(EventData.prescription(before));
        change.after = after == null ? null : toJson(EventData.prescription(after));
        changes.persist(change);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise an audit entry", e);
        }
    }
}
