package org.backstrong.planner.service;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;

import org.backstrong.planner.domain.AnswerRefusal;
import org.backstrong.planner.domain.ClinicQuestionnaire;
import org.backstrong.planner.domain.Measure;
import org.backstrong.planner.domain.OutcomeResponse;
import org.backstrong.planner.domain.OutcomeSchedule;
import org.backstrong.planner.domain.OutcomeScore;
import org.backstrong.planner.domain.OutcomeScoring;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.event.OutcomeRecorded;
import org.backstrong.planner.fhir.FhirCodes;
import org.backstrong.planner.messaging.Outbox;
import org.backstrong.planner.messaging.Topics;
import org.backstrong.planner.repository.OutcomeResponseRepository;
import org.backstrong.planner.repository.PlanRepository;

/**
 * Patient-reported outcome measures: what a patient's plan asks for now, storing and scoring a response
 * (with its OutcomeRecorded event, in one transaction; a resend under the same id stores nothing new), and a
 * patient's responses for their clinic. NPRS, PSFS and RMDQ are asked of every plan; ODI only where the
 * clinic loaded its licensed wording.
 */
@ApplicationScoped
public class OutcomeMeasures {

    private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {};

    private final PlanRepository plans;
    private final OutcomeResponseRepository responses;
    private final LicensedWordings wordings;
    private final PatientRegistry registry;
    private final Outbox outbox;
    private final ObjectMapper json;

    public OutcomeMeasures(
            PlanRepository plans,
            OutcomeResponseRepository responses,
            LicensedWordings wordings,
            PatientRegistry registry,
            Outbox outbox,
            ObjectMapper json) {
        this.plans = plans;
        this.responses = responses;
        this.wordings = wordings;
        this.registry = registry;
        this.outbox = outbox;
        this.json = json;
    }

    /** The canonical|version of a measure's Questionnaire for a clinic; empty for ODI until the clinic loads it. */
    public Optional<String> questionnaire(String clinicId, Measure measure) {
        if (measure.shipped()) {
            return Optional.of(FhirCodes.BASE + "/Questionnaire/" + measure.questionnaireId() + "|"
                    + Measure.QUESTIONNAIRE_VERSION);
        }
        return wordings.odi(clinicId).map(wording -> wording.canonical);
    }

    /** The measures of the patient's current plan open today and not answered yet, in the order of {@link Measure}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DueMeasure> due(String patientId, LocalDate today) {
        Plan plan = plans.currentOf(patientId).orElse(null);
        if (plan == null) {
            return List.of();
        }
        Optional<OutcomeSchedule.Due> open = OutcomeSchedule.of(plan.schedule()).openOn(today);
        if (open.isEmpty()) {
            return List.of();
        }
        List<DueMeasure> due = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            Optional<String> questionnaire = questionnaire(plan.clinicId, measure);
            if (questionnaire.isEmpty()
                    || responses.of(plan.id, measure, open.get().dueOn()).isPresent()) {
                continue;
            }
            due.add(new DueMeasure(
                    plan.id,
                    measure,
                    open.get().occasion(),
                    open.get().dueOn(),
                    questionnaire.get(),
                    measure == Measure.PSFS ? psfsActivities(plan) : List.of()));
        }
        return due;
    }

    /** Stores and scores a response; a resend under the same id answers what was stored first. */
    @Transactional
    public Logged<OutcomeResponse> submit(String patientId, OutcomeInput input, LocalDate today) {
        OutcomeResponse earlier = responses.findById(input.id());
        if (earlier != null) {
            if (!earlier.patientId.equals(patientId)) {
                throw new ConflictException("id-taken", "Response id " + input.id() + " is taken");
            }
            return new Logged<>(earlier, false);
        }
        Plan plan = plans.findByIdOptional(input.planId())
                .filter(found -> found.patientId.equals(patientId))
                .orElseThrow(() -> new NotFoundException("Plan " + input.planId()));
        if (!OutcomeSchedule.of(plan.schedule()).has(input.occasion(), input.dueOn())) {
            throw new InvalidInputException(
                    422,
                    "not-scheduled",
                    "dueOn",
                    "the plan's outcome schedule has no " + input.occasion() + " on " + input.dueOn());
        }
        if (input.dueOn().isAfter(today)) {
            throw new InvalidInputException(422, "not-due-yet", "dueOn", "this measure is due on " + input.dueOn());
        }
        String questionnaire = questionnaire(plan.clinicId, input.measure())
                .orElseThrow(() -> new InvalidInputException(
                        422, "not-scheduled", "measure", input.measure() + " is not scheduled for this clinic"));
        Optional<OutcomeResponse> answered = responses.of(plan.id, input.measure(), input.dueOn());
        if (answered.isPresent() && answered.get().id.equals(input.id())) {
            // A send of this same response committed since the look-up by id above.
            return new Logged<>(answered.get(), false);
        }
        if (answered.isPresent()) {
            throw new ConflictException(
                    "already-answered", input.measure() + " of " + input.dueOn() + " is answered already");
        }
        Map<String, Object> answers = answers(input.answers());
        OutcomeScore score = score(plan, input.measure(), answers);

        OutcomeResponse response = new OutcomeResponse();
        response.id = input.id();
        response.patientId = patientId;
        response.planId = plan.id;
        response.measure = input.measure();
        response.occasion = input.occasion();
        response.dueOn = input.dueOn();
        response.completedOn = today;
        response.answers = write(answers);
        // Stored as numeric(4,1): the first answer reads as a resend does.
        response.score = score.score().setScale(1, RoundingMode.UNNECESSARY);
        response.itemsAnswered = score.itemsAnswered();
        response.itemsTotal = score.itemsTotal();
        response.basis = score.basis();
        response.questionnaire = questionnaire;
        response.loggedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        if (!responses.insertIfAbsent(response)) {
            // The same response (a resend racing this one) or another one for this occasion committed first.
            OutcomeResponse first = responses.findById(input.id());
            if (first == null) {
                throw new ConflictException(
                        "already-answered", input.measure() + " of " + input.dueOn() + " is answered already");
            }
            if (!first.patientId.equals(patientId)) {
                throw new ConflictException("id-taken", "Response id " + input.id() + " is taken");
            }
            return new Logged<>(first, false);
        }
        outbox.add(Topics.SET_EVENTS, patientId, EventTypes.OUTCOME_RECORDED, recorded(response, plan.clinicId));
        Log.infof(
                "Outcome %s of plan %s: %s %s of %s, %s",
                response.id, plan.id, response.measure, response.occasion, response.dueOn, response.basis);
        return new Logged<>(response, true);
    }

    /** Every response of a patient of the clinic, oldest first; another clinic's patient is not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutcomeResponse> ofPatient(String clinicId, String patientId) {
        registry.get(clinicId, patientId);
        return responses.ofPatient(patientId);
    }

    /** A stored response's answers, by linkId in the Questionnaire's order. */
    public Map<String, Object> answersOf(OutcomeResponse response) {
        try {
            Map<String, Object> answers = new TreeMap<>(OutcomeScoring.ITEM_ORDER);
            answers.putAll(json.readValue(response.answers, ANSWERS));
            return answers;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable answers of outcome " + response.id, e);
        }
    }

    public static OutcomeRecorded recorded(OutcomeResponse response, String clinicId) {
        return new OutcomeRecorded(
                response.id,
                response.patientId,
                clinicId,
                response.planId,
                response.measure.name(),
                response.occasion.name(),
                response.dueOn,
                response.completedOn,
                response.score,
                response.measure.scaleMax(),
                response.measure.higherIsBetter(),
                response.itemsAnswered,
                response.itemsTotal,
                response.questionnaire,
                response.loggedAt);
    }

    private OutcomeScore score(Plan plan, Measure measure, Map<String, Object> answers) {
        try {
            return switch (measure) {
                case NPRS -> OutcomeScoring.nprs(answers);
                case RMDQ -> OutcomeScoring.rmdq(answers);
                case PSFS -> {
                    List<String> named = psfsActivities(plan);
                    OutcomeScore scored = OutcomeScoring.psfs(answers, named);
                    // A follow-up's stored answers name the activities it rated, as its QuestionnaireResponse does.
                    for (int number = 1; number <= named.size(); number++) {
                        answers.put("activity-" + number + "-name", named.get(number - 1));
                    }
                    yield scored;
                }
                case ODI -> {
                    ClinicQuestionnaire wording = wordings.odi(plan.clinicId).orElseThrow();
                    yield OutcomeScoring.odi(answers, wording.sections);
                }
            };
        } catch (AnswerRefusal refusal) {
            throw new InvalidInputException(400, "invalid-answer", refusal.field(), refusal.getMessage());
        }
    }

    /** The activities the plan's first PSFS response named; empty before it. */
    private List<String> psfsActivities(Plan plan) {
        return responses
                .firstOf(plan.id, Measure.PSFS)
                .map(first -> OutcomeScoring.psfsActivities(answersOf(first)))
                .orElse(List.of());
    }

    /** JSON answers as the scoring reads them: whole numbers as Integer, true/false, text; anything else refused. */
    private static Map<String, Object> answers(Map<String, JsonNode> sent) {
        Map<String, Object> answers = new LinkedHashMap<>();
        sent.forEach((item, value) -> {
            if (value == null || value.isNull()) {
                throw new InvalidInputException(400, "invalid-answer", "answers." + item, "an answer cannot be null");
            } else if (value.isIntegralNumber() && value.canConvertToInt()) {
                answers.put(item, value.intValue());
            } else if (value.isNumber()) {
                answers.put(item, value.decimalValue());
            } else if (value.isBoolean()) {
                answers.put(item, value.booleanValue());
            } else if (value.isTextual()) {
                answers.put(item, value.textValue());
            } else {
                throw new InvalidInputException(
                        400, "invalid-answer", "answers." + item, "must be a number, true or false, or text");
            }
        });
        return answers;
    }

    private String write(Map<String, Object> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise answers", e);
        }
    }
}
