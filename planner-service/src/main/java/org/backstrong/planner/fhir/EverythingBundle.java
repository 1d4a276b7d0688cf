package org.backstrong.planner.fhir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;

import org.backstrong.planner.catalog.CatalogExercise;
import org.backstrong.planner.domain.DoseKind;
import org.backstrong.planner.domain.LoadKind;
import org.backstrong.planner.domain.LoggedSet;
import org.backstrong.planner.domain.Measure;
import org.backstrong.planner.domain.OutcomeResponse;
import org.backstrong.planner.domain.OutcomeScoring;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.PlanItem;
import org.backstrong.planner.domain.PlanStatus;
import org.backstrong.planner.domain.PrescribedExercise;
import org.backstrong.planner.domain.Prescription;
import org.backstrong.planner.domain.PrescriptionChange;
import org.backstrong.planner.domain.Template;
import org.backstrong.planner.domain.TemplateItem;
import org.backstrong.planner.progress.PatientTimeline;
import org.backstrong.planner.service.PatientRecords;

/**
 * One patient's record as a FHIR R4 searchset Bundle, after HL7's Physical Activity IG: the
 * patient, a CarePlan per plan with a ServiceRequest per exercise, the ActivityDefinition of each
 * catalog version and the PlanDefinition of each template used, an Observation per session with
 * one per logged set, a Flag per pain flag, a Provenance per automatic change, and a
 * QuestionnaireResponse per outcome measure with its score as an Observation derived from it.
 */
final class EverythingBundle {

    private static final String AUTOMATIC_AGENT = "Backstrong progression engine (progress-service)";

    private final ExportSources sources;
    private final EverythingQuery query;
    private final String base;
    private final String patientId;
    private final Map<UUID, PlanItem> items = new LinkedHashMap<>();
    private final Bundle bundle = new Bundle();

    private EverythingBundle(ExportSources sources, EverythingQuery query, String base) {
        this.sources = sources;
        this.query = query;
        this.base = base;
        this.patientId = sources.record().patient().id;
        sources.record().plans().forEach(plan -> plan.items.forEach(item -> items.put(item.id, item)));
    }

    /** The Bundle; {@code base} is the server's FHIR base (ending in /fhir), {@code self} the request's URL. */
    static Bundle of(ExportSources sources, EverythingQuery query, String base, String self, Date now) {
        EverythingBundle everything = new EverythingBundle(sources, query, base);
        Bundle bundle = everything.bundle;
        bundle.setId(UUID.randomUUID().toString());
        bundle.setMeta(new Meta().setLastUpdated(now));
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTimestamp(now);
        bundle.addLink().setRelation("self").setUrl(self);
        everything.fill();
        bundle.setTotal((int) bundle.getEntry().stream()
                .filter(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
                .count());
        return bundle;
    }

    private void fill() {
        if (query.wants("Patient")) {
            add(patient(), Bundle.SearchEntryMode.MATCH);
        }
        if (query.wants("PlanDefinition")) {
            sources.record().templates().values().forEach(template -> add(planDefinition(template)));
        }
        if (query.wants("ActivityDefinition")) {
            Map<String, PrescribedExercise> versions = new LinkedHashMap<>();
            items.values()
                    .forEach(item -> versions.putIfAbsent(
                            ExportSources.exerciseKey(item.exerciseId, item.exerciseVersion), item));
            versions.values().forEach(item -> add(activityDefinition(item)));
        }
        for (Plan plan : sources.record().plans()) {
            if (query.wants("CarePlan")) {
                add(carePlan(plan));
            }
            if (query.wants("ServiceRequest")) {
                plan.items.forEach(item -> add(serviceRequest(plan, item)));
            }
        }
        if (query.wants("Observation")) {
            observations();
        }
        for (PatientRecords.Outcome outcome : sources.record().outcomes()) {
            if (!query.covers(outcome.response().completedOn)) {
                continue;
            }
            if (query.wants("QuestionnaireResponse")) {
                add(questionnaireResponse(outcome));
            }
            if (query.wants("Observation")) {
                add(outcomeScore(outcome.response()));
            }
        }
        if (query.wants("Flag") && sources.timeline() != null) {
            orEmpty(sources.timeline().flags()).stream()
                    .filter(flag -> flag.raisedAt() == null
                            || query.covers(flag.raisedAt().toLocalDate()))
                    .forEach(flag -> add(flag(flag)));
        }
        if (query.wants("Provenance")) {
            sources.record().changes().stream()
                    .filter(change -> PrescriptionChange.AUTOMATIC.equals(change.changedBy))
                    .filter(change -> query.covers(change.changedAt.toLocalDate()))
                    .forEach(change -> add(provenance(change)));
        }
        if (!sources.warnings().isEmpty()) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.setId(UUID.randomUUID().toString());
            sources.warnings()
                    .forEach(warning -> outcome.addIssue()
                            .setSeverity(OperationOutcome.IssueSeverity.WARNING)
                            .setCode(OperationOutcome.IssueType.INCOMPLETE)
                            .setDiagnostics(warning));
            add(outcome, Bundle.SearchEntryMode.OUTCOME);
        }
    }

    private void add(Resource resource) {
        add(resource, Bundle.SearchEntryMode.INCLUDE);
    }

    private void add(Resource resource, Bundle.SearchEntryMode mode) {
        bundle.addEntry()
                .setFullUrl(base + "/" + resource.fhirType() + "/"
                        + resource.getIdElement().getIdPart())
                .setResource(resource)
                .getSearch()
                .setMode(mode);
    }

    private Patient patient() {
        Patient patient = new Patient();
        patient.setId(patientId);
        patient.setActive(true);
        patient.setManagingOrganization(new Reference()
                .setIdentifier(new Identifier()
                        .setSystem(FhirCodes.CLINIC_SYSTEM)
                        .setValue(sources.record().patient().clinicId)));
        return patient;
    }

    private PlanDefinition planDefinition(Template template) {
        PlanDefinition definition = new PlanDefinition();
        definition.setId(template.id.toString());
        definition.setUrl(FhirCodes.PLAN_DEFINITION_URL + template.id);
        definition.setName(computableName(template.name, "Template"));
        definition.setTitle(template.name);
        definition.setStatus(Enumerations.PublicationStatus.ACTIVE);
        definition.setDate(Date.from(template.createdAt.toInstant()));
        definition.setType(new CodeableConcept(
                new Coding(FhirCodes.PLAN_DEFINITION_TYPE, "clinical-protocol", "Clinical Protocol")));
        definition.setDescription(
                template.goal + " — " + template.weeks + " weeks, " + template.sessionsPerWeek + " sessions a week.");
        definition.addGoal().setDescription(new CodeableConcept().setText(template.goal));
        for (TemplateItem item : template.items) {
            definition
                    .addAction()
                    .setTitle(item.exerciseName)
                    .setDescription(item.block.label() + ": " + doseInWords(item.prescription))
                    .setDefinition(new org.hl7.fhir.r4.model.CanonicalType(canonical(item)));
        }
        return definition;
    }

    private ActivityDefinition activityDefinition(PrescribedExercise item) {
        CatalogExercise exercise =
                sources.exercises().get(ExportSources.exerciseKey(item.exerciseId, item.exerciseVersion));
        ActivityDefinition definition = new ActivityDefinition();
        definition.setId(activityDefinitionId(item.exerciseId, item.exerciseVersion));
        definition.setUrl(FhirCodes.ACTIVITY_DEFINITION_URL + item.exerciseId);
        definition.setVersion(String.valueOf(item.exerciseVersion));
        String name = exercise == null || exercise.name() == null ? item.exerciseName : exercise.name();
        definition.setName(computableName(item.exerciseId, "Exercise"));
        definition.setTitle(name);
        definition.setStatus(
                exercise != null && "retired".equals(exercise.status())
                        ? Enumerations.PublicationStatus.RETIRED
                        : Enumerations.PublicationStatus.ACTIVE);
        definition.setKind(ActivityDefinition.ActivityDefinitionKind.SERVICEREQUEST);
        definition.setCode(new CodeableConcept()
                .addCoding(new Coding(FhirCodes.SNOMED, FhirCodes.EXERCISE_THERAPY, "Exercise therapy"))
                .addCoding(new Coding(FhirCodes.EXERCISE_SYSTEM, item.exerciseId, name))
                .setText(name));
        if (exercise != null) {
            definition.setDescription(describe(exercise));
            if (exercise.safetyNotes() != null && !exercise.safetyNotes().isEmpty()) {
                definition.setUsage(String.join(" ", exercise.safetyNotes()));
            }
        }
        return definition;
    }

    private CarePlan carePlan(Plan plan) {
        CarePlan carePlan = new CarePlan();
        carePlan.setId(plan.id.toString());
        carePlan.setStatus(
                switch (plan.status) {
                    case ACTIVE -> CarePlan.CarePlanStatus.ACTIVE;
                    case PAUSED -> CarePlan.CarePlanStatus.ONHOLD;
                    case COMPLETED -> CarePlan.CarePlanStatus.COMPLETED;
                });
        carePlan.setIntent(CarePlan.CarePlanIntent.PLAN);
        carePlan.setTitle(plan.name);
        carePlan.setDescription(plan.goal);
        carePlan.setSubject(patientReference());
        carePlan.setPeriod(period(plan));
        carePlan.setCreated(Date.from(plan.createdAt.toInstant()));
        if (plan.templateId != null && sources.record().templates().containsKey(plan.templateId)) {
            carePlan.addInstantiatesCanonical(FhirCodes.PLAN_DEFINITION_URL + plan.templateId);
        }
        if (plan.statusReason != null && !plan.statusReason.isBlank()) {
            carePlan.addNote(new Annotation().setText(plan.statusReason));
        }
        plan.items.forEach(item -> carePlan.addActivity().setReference(new Reference("ServiceRequest/" + item.id)));
        return carePlan;
    }

    private ServiceRequest serviceRequest(Plan plan, PlanItem item) {
        ServiceRequest request = new ServiceRequest();
        request.setId(item.id.toString());
        request.setStatus(
                plan.status == PlanStatus.COMPLETED
                        ? ServiceRequest.ServiceRequestStatus.COMPLETED
                        : plan.status == PlanStatus.PAUSED || item.paused
                                ? ServiceRequest.ServiceRequestStatus.ONHOLD
                                : ServiceRequest.ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.addInstantiatesCanonical(canonical(item));
        request.addBasedOn(new Reference("CarePlan/" + plan.id));
        request.addCategory(new CodeableConcept(
                new Coding(FhirCodes.SNOMED, FhirCodes.PHYSICAL_THERAPY_PROCEDURE, "Physical therapy procedure")));
        request.setCode(new CodeableConcept()
                .addCoding(new Coding(FhirCodes.SNOMED, FhirCodes.EXERCISE_THERAPY, "Exercise therapy"))
                .addCoding(new Coding(FhirCodes.EXERCISE_SYSTEM, item.exerciseId, item.exerciseName))
                .setText(item.exerciseName));
        request.setSubject(patientReference());
        Timing timing = new Timing();
        Timing.TimingRepeatComponent repeat = timing.getRepeat();
        repeat.setBounds(period(plan));
        for (int weekday : plan.weekdays) {
            repeat.addDayOfWeek(Timing.DayOfWeek.values()[weekday - 1]);
        }
        request.setOccurrence(timing);
        request.setPatientInstruction(item.block.label() + ": " + doseInWords(item.prescription)
                + (item.paused && item.pauseReason != null ? " Paused: " + item.pauseReason : ""));
        return request;
    }

    private void observations() {
        Map<String, List<LoggedSet>> sessions = sources.record().sets().stream()
                .filter(set -> query.covers(set.sessionDate))
                .collect(Collectors.groupingBy(
                        set -> set.planId + "/" + set.sessionDate, LinkedHashMap::new, Collectors.toList()));
        for (List<LoggedSet> sets : sessions.values()) {
            LoggedSet first = sets.get(0);
            Observation session = new Observation();
            session.setId(UUID.nameUUIDFromBytes(
                            ("session " + first.planId + " " + first.sessionDate).getBytes(StandardCharsets.UTF_8))
                    .toString());
            session.setStatus(Observation.ObservationStatus.FINAL);
            session.addCategory(activityCategory());
            session.setCode(new CodeableConcept()
                    .addCoding(new Coding(FhirCodes.LOINC, FhirCodes.EXERCISE_ACTIVITY, "Exercise activity"))
                    .addCoding(new Coding(FhirCodes.OBSERVATION_SYSTEM, FhirCodes.SESSION, "Exercise session"))
                    .setText("Exercise session"));
            session.setSubject(patientReference());
            session.addPerformer(patientReference());
            session.addBasedOn(new Reference("CarePlan/" + first.planId));
            session.setEffective(new DateTimeType(first.sessionDate.toString()));
            session.setIssued(Date.from(sets.stream()
                    .map(set -> set.loggedAt)
                    .max(Comparator.naturalOrder())
                    .orElseThrow()
                    .toInstant()));
            List<Observation> members = sets.stream().map(this::setObservation).toList();
            members.forEach(member -> session.addHasMember(new Reference("Observation/" + member.getIdPart())));
            add(session);
            members.forEach(this::add);
        }
    }

    private Observation setObservation(LoggedSet set) {
        PlanItem item = items.get(set.itemId);
        Observation observation = new Observation();
        observation.setId(set.id.toString());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(activityCategory());
        observation.setCode(new CodeableConcept()
                .addCoding(new Coding(FhirCodes.LOINC, FhirCodes.EXERCISE_ACTIVITY, "Exercise activity"))
                .addCoding(new Coding(FhirCodes.OBSERVATION_SYSTEM, FhirCodes.SET, "Exercise set"))
                .setText("Exercise set"));
        observation.setSubject(patientReference());
        observation.addPerformer(patientReference());
        observation.addBasedOn(new Reference("ServiceRequest/" + set.itemId));
        observation.setEffective(dateTime(set.loggedAt));
        observation.setIssued(Date.from(set.loggedAt.toInstant()));
        if (item != null) {
            observation.setValue(
                    new CodeableConcept(new Coding(FhirCodes.EXERCISE_SYSTEM, item.exerciseId, item.exerciseName))
                            .setText(item.exerciseName));
        }
        component(observation, FhirCodes.SET_NUMBER, "Set number").setValue(new IntegerType(set.setNumber));
        if (set.side != null) {
            boolean left = set.side == LoggedSet.Side.LEFT;
            component(observation, FhirCodes.SIDE, "Side")
                    .setValue(new CodeableConcept(new Coding(
                            FhirCodes.SNOMED, left ? FhirCodes.LEFT : FhirCodes.RIGHT, left ? "Left" : "Right")));
        }
        if (set.reps != null) {
            component(observation, FhirCodes.REPS, "Repetitions").setValue(new IntegerType(set.reps));
        }
        if (set.seconds != null) {
            observation
                    .addComponent()
                    .setCode(new CodeableConcept(
                            new Coding(FhirCodes.LOINC, FhirCodes.EXERCISE_DURATION, "Exercise duration")))
                    .setValue(ucum(new BigDecimal(set.seconds), "s", "s"));
        }
        if (set.loadKg != null) {
            component(observation, FhirCodes.LOAD, "Load").setValue(ucum(set.loadKg, "kg", "kg"));
        }
        if (set.band != null) {
            component(observation, FhirCodes.BAND, "Resistance band").setValue(new StringType(set.band));
        }
        if (set.rir != null) {
            component(observation, FhirCodes.REPS_IN_RESERVE, "Reps in reserve").setValue(new IntegerType(set.rir));
        }
        if (set.rpe != null) {
            component(observation, FhirCodes.RPE, "Rating of perceived exertion (0-10)")
                    .setValue(ucum(set.rpe, "{score}", "score"));
        }
        observation
                .addComponent()
                .setCode(new CodeableConcept(new Coding(
                        FhirCodes.LOINC,
                        FhirCodes.PAIN_SEVERITY,
                        "Pain severity - 0-10 verbal numeric rating [Score] - Reported")))
                .setValue(ucum(new BigDecimal(set.pain), "{score}", "score"));
        component(observation, FhirCodes.BEYOND_NORMAL_FATIGUE, "Pain beyond normal muscle fatigue")
                .setValue(new BooleanType(set.beyondNormalFatigue));
        if (set.note != null && !set.note.isBlank()) {
            observation.addNote(new Annotation().setText(set.note));
        }
        return observation;
    }

    /** An outcome measure as answered, item by item in the Questionnaire's structure. */
    private QuestionnaireResponse questionnaireResponse(PatientRecords.Outcome outcome) {
        OutcomeResponse source = outcome.response();
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setId(source.id.toString());
        response.setQuestionnaire(source.questionnaire);
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(patientReference());
        response.setSource(patientReference());
        response.addBasedOn(new Reference("CarePlan/" + source.planId));
        response.setAuthoredElement(dateTime(source.loggedAt));
        Map<String, Object> answers = outcome.answers();
        if (source.measure == Measure.PSFS) {
            for (int number = 1; answers.containsKey("activity-" + number + "-rating"); number++) {
                QuestionnaireResponse.QuestionnaireResponseItemComponent activity =
                        response.addItem().setLinkId("activity-" + number);
                answer(activity.addItem(), "activity-" + number + "-name", answers);
                answer(activity.addItem(), "activity-" + number + "-rating", answers);
            }
        } else {
            answers.keySet().stream()
                    .sorted(OutcomeScoring.ITEM_ORDER)
                    .forEach(linkId -> answer(response.addItem(), linkId, answers));
        }
        return response;
    }

    private static void answer(
            QuestionnaireResponse.QuestionnaireResponseItemComponent item, String linkId, Map<String, Object> answers) {
        item.setLinkId(linkId);
        Object value = answers.get(linkId);
        QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer = item.addAnswer();
        if (value instanceof Boolean ticked) {
            answer.setValue(new BooleanType(ticked));
        } else if (value instanceof Integer number) {
            answer.setValue(new IntegerType(number));
        } else {
            answer.setValue(new StringType(String.valueOf(value)));
        }
    }

    /** The score of an outcome measure, derived from its QuestionnaireResponse, with how it was computed. */
    private Observation outcomeScore(OutcomeResponse source) {
        Observation observation = new Observation();
        observation.setId(UUID.nameUUIDFromBytes(("outcome score " + source.id).getBytes(StandardCharsets.UTF_8))
                .toString());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(
                new CodeableConcept(new Coding(FhirCodes.OBSERVATION_CATEGORY, FhirCodes.SURVEY, "Survey")));
        observation.setCode(
                switch (source.measure) {
                    case NPRS ->
                        new CodeableConcept()
                                .addCoding(new Coding(
                                        FhirCodes.LOINC,
                                        FhirCodes.PAIN_SEVERITY,
                                        "Pain severity - 0-10 verbal numeric rating [Score] - Reported"))
                                .setText("Numeric Pain Rating Scale (NPRS)");
                    case PSFS ->
                        new CodeableConcept()
                                .addCoding(new Coding(
                                        FhirCodes.OBSERVATION_SYSTEM,
                                        FhirCodes.PSFS_SCORE,
                                        "Patient-Specific Functional Scale score"))
                                .setText("Patient-Specific Functional Scale (PSFS), mean 0-10");
                    case RMDQ ->
                        new CodeableConcept()
                                .addCoding(new Coding(
                                        FhirCodes.OBSERVATION_SYSTEM,
                                        FhirCodes.RMDQ_SCORE,
                                        "Roland-Morris Disability Questionnaire total score"))
                                .setText("Roland-Morris Disability Questionnaire (RMDQ), 0-24");
                    case ODI ->
                        new CodeableConcept()
                                .addCoding(new Coding(
                                        FhirCodes.OBSERVATION_SYSTEM,
                                        FhirCodes.ODI_SCORE,
                                        "Oswestry Disability Index score"))
                                .setText("Oswestry Disability Index (ODI), %");
                });
        observation.setSubject(patientReference());
        observation.addPerformer(patientReference());
        observation.addBasedOn(new Reference("CarePlan/" + source.planId));
        observation.setEffective(new DateTimeType(source.completedOn.toString()));
        observation.setIssued(Date.from(source.loggedAt.toInstant()));
        observation.setValue(
                source.measure == Measure.ODI ? ucum(source.score, "%", "%") : ucum(source.score, "{score}", "score"));
        observation.addDerivedFrom(new Reference("QuestionnaireResponse/" + source.id));
        observation.addNote(
                new Annotation().setText(source.basis + " (" + source.occasion + " due " + source.dueOn + ")"));
        return observation;
    }

    private Flag flag(PatientTimeline.Flag source) {
        Flag flag = new Flag();
        flag.setId(source.id().toString());
        flag.setStatus("RESOLVED".equals(source.status()) ? Flag.FlagStatus.INACTIVE : Flag.FlagStatus.ACTIVE);
        flag.addCategory(new CodeableConcept(new Coding(FhirCodes.FLAG_CATEGORY, "clinical", "Clinical")));
        String exercise = source.itemId() != null && items.containsKey(source.itemId())
                ? items.get(source.itemId()).exerciseName
                : source.exerciseId() == null ? "the whole plan" : source.exerciseId();
        String severity = source.stop() ? "STOP" : "WATCH";
        flag.setCode(new CodeableConcept(new Coding(
                        FhirCodes.PAIN_FLAG_SYSTEM,
                        severity,
                        source.stop() ? "Stop the exercise" : "Watch, hold progression"))
                .setText(severity + " (" + exercise + "): " + Objects.toString(source.evidence(), source.rule())));
        flag.setSubject(patientReference());
        if (source.raisedAt() != null) {
            flag.setPeriod(new Period().setStartElement(dateTime(source.raisedAt())));
        }
        return flag;
    }

    private Provenance provenance(PrescriptionChange change) {
        Provenance provenance = new Provenance();
        provenance.setId(change.id.toString());
        provenance.addTarget(
                change.itemId != null && items.containsKey(change.itemId)
                        ? new Reference("ServiceRequest/" + change.itemId)
                        : new Reference("CarePlan/" + change.planId));
        provenance.setRecordedElement(new InstantType(Date.from(change.changedAt.toInstant())));
        provenance.setOccurred(dateTime(change.changedAt));
        provenance.setActivity(new CodeableConcept(new Coding(FhirCodes.DATA_OPERATION, "UPDATE", "revise")));
        CodeableConcept reason = new CodeableConcept().setText(change.reason);
        if (change.rule != null) {
            reason.addCoding(new Coding(FhirCodes.RULE_SYSTEM, change.rule, change.rule));
        }
        provenance.addReason(reason);
        provenance
                .addAgent()
                .setType(new CodeableConcept(new Coding(FhirCodes.PARTICIPANT_TYPE, "assembler", "Assembler")))
                .setWho(new Reference().setDisplay(AUTOMATIC_AGENT));
        decisionBehind(change)
                .ifPresent(decision -> provenance
                        .addEntity()
                        .setRole(Provenance.ProvenanceEntityRole.SOURCE)
                        .setWhat(new Reference()
                                .setIdentifier(new Identifier()
                                        .setSystem(FhirCodes.DECISION_SYSTEM)
                                        .setValue(decision.id().toString()))
                                .setDisplay(decision.outcome() + " (" + decision.rule() + "): " + decision.reason())));
        return provenance;
    }

    /** progress-service's decision the change applied: same exercise and rule, the latest decided by then. */
    private java.util.Optional<PatientTimeline.Decision> decisionBehind(PrescriptionChange change) {
        if (sources.timeline() == null || change.rule == null) {
            return java.util.Optional.empty();
        }
        return orEmpty(sources.timeline().decisions()).stream()
                .filter(decision -> decision.id() != null
                        && Objects.equals(decision.itemId(), change.itemId)
                        && change.rule.equals(decision.rule()))
                .filter(decision ->
                        decision.decidedAt() == null || !decision.decidedAt().isAfter(change.changedAt))
                .max(Comparator.comparing(
                        (PatientTimeline.Decision decision) -> decision.decidedAt(),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    private Observation.ObservationComponentComponent component(Observation observation, String code, String display) {
        return observation
                .addComponent()
                .setCode(new CodeableConcept(new Coding(FhirCodes.OBSERVATION_SYSTEM, code, display)));
    }

    private static CodeableConcept activityCategory() {
        return new CodeableConcept(new Coding(FhirCodes.OBSERVATION_CATEGORY, "activity", "Activity"));
    }

    private static Quantity ucum(BigDecimal value, String code, String unit) {
        return new Quantity()
                .setValue(value)
                .setUnit(unit)
                .setSystem(FhirCodes.UCUM)
                .setCode(code);
    }

    private Reference patientReference() {
        return new Reference("Patient/" + patientId);
    }

    private static DateTimeType dateTime(OffsetDateTime time) {
        return new DateTimeType(
                Date.from(time.toInstant()),
                ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
                java.util.TimeZone.getTimeZone(ZoneOffset.UTC));
    }

    private static Period period(Plan plan) {
        LocalDate last = plan.startDate.plusWeeks(plan.weeks).minusDays(1);
        return new Period()
                .setStartElement(new DateTimeType(plan.startDate.toString()))
                .setEndElement(new DateTimeType(last.toString()));
    }

    private static String canonical(PrescribedExercise item) {
        return FhirCodes.ACTIVITY_DEFINITION_URL + item.exerciseId + "|" + item.exerciseVersion;
    }

    /** A FHIR id for an exercise version: the catalog id and version when they make one, else a name-based UUID. */
    static String activityDefinitionId(String exerciseId, int version) {
        String id = exerciseId + "-v" + version;
        return id.matches("[A-Za-z0-9\\-.]{1,64}")
                ? id
                : UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A name a machine can use (FHIR's "computable name"): the words in UpperCamelCase. */
    static String computableName(String text, String prefix) {
        StringBuilder name = new StringBuilder();
        for (String word : text.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name.insert(0, prefix);
        }
        return name.length() > 254 ? name.substring(0, 254) : name.toString();
    }

    private static String describe(CatalogExercise exercise) {
        StringBuilder text = new StringBuilder(Objects.toString(exercise.summary(), exercise.name()));
        List<String> steps = orEmpty(exercise.steps());
        for (int step = 0; step < steps.size(); step++) {
            text.append("\n\n").append(step + 1).append(". ").append(steps.get(step));
        }
        return text.toString();
    }

    /** The dose as a clinician writes it: "2–3 sets of 8–12 reps, 10 kg, rest 60 s". */
    static String doseInWords(Prescription dose) {
        List<String> parts = new ArrayList<>();
        String sets = dose.setsMax > dose.sets ? dose.sets + "–" + dose.setsMax : String.valueOf(dose.sets);
        String range = dose.doseKind == DoseKind.REPS
                ? range(dose.repsMin, dose.repsMax) + " reps"
                : range(dose.secondsMin, dose.secondsMax) + " s";
        parts.add(sets + " sets of " + range + (dose.perSide ? " per side" : ""));
        if (dose.loadKind == LoadKind.KG && dose.loadKg != null) {
            parts.add(dose.loadKg.stripTrailingZeros().toPlainString() + " kg");
        } else if (dose.loadKind == LoadKind.BAND && dose.band != null) {
            parts.add(dose.band + " band");
        } else {
            parts.add("bodyweight");
        }
        parts.add("rest " + dose.restSeconds + " s");
        return String.join(", ", parts) + ".";
    }

    private static String range(Integer min, Integer max) {
        if (min == null && max == null) {
            return "?";
        }
        if (min == null || max == null || min.equals(max)) {
            return String.valueOf(min == null ? max : min);
        }
        return min + "–" + max;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
