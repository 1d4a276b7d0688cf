package org.backstrong.progress.service;

import static org.backstrong.progress.service.InvalidEventException.require;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import org.backstrong.progress.domain.PatientPlan;
import org.backstrong.progress.domain.outcome.OutcomeMeasure;
import org.backstrong.progress.domain.outcome.OutcomeOccasion;
import org.backstrong.progress.domain.progression.Band;
import org.backstrong.progress.event.Envelope;
import org.backstrong.progress.event.EventTimesModule;
import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.event.MorningCheckInLogged;
import org.backstrong.progress.event.OutcomeRecorded;
import org.backstrong.progress.event.PlanItemData;
import org.backstrong.progress.event.PlanSnapshot;
import org.backstrong.progress.event.PlanStatusChanged;
import org.backstrong.progress.event.SessionCompleted;
import org.backstrong.progress.event.SetCompleted;

/**
 * Reads a record's envelope and data into an {@link IncomingEvent}, checking every field the
 * contract requires and every range the rules rely on, without touching the database: whatever is
 * wrong with a record is found here, before a batch starts, and the record is parked alone.
 */
@ApplicationScoped
public class IncomingEventReader {

    /**
     * Ignores fields a newer producer adds, whatever the mapper's setting; a missing number or flag fails, not 0.
     * The application's mapper with quicker readers of instants and dates ({@link EventTimesModule}).
     */
    private final ObjectReader events;

    public IncomingEventReader(ObjectMapper json) {
        this.events = json.copy()
                .registerModule(new EventTimesModule())
                .reader()
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /**
     * @throws InvalidEventException whatever is wrong with the record, and nothing else: reading it
     *         depends on nothing but the record, so one that cannot be read is parked alone
     */
    public IncomingEvent read(Envelope event) {
        require(event.id(), Envelope.ID);
        require(event.type(), Envelope.TYPE);
        require(event.subject(), Envelope.SUBJECT);
        require(event.data(), "data");
        try {
            return switch (event.type()) {
                case EventTypes.PLAN_ASSIGNED, EventTypes.PLAN_CHANGED -> {
                    PlanSnapshot plan = read(event, PlanSnapshot.class);
                    yield new IncomingEvent.PlanSnapshotted(event, forPatient(event, plan.patientId(), checked(plan)));
                }
                case EventTypes.PLAN_PAUSED -> status(event, PatientPlan.PAUSED);
                case EventTypes.PLAN_RESUMED -> status(event, PatientPlan.ACTIVE);
                case EventTypes.PLAN_ENDED -> status(event, PatientPlan.COMPLETED);
                case EventTypes.SET_COMPLETED -> {
                    SetCompleted set = read(event, SetCompleted.class);
                    yield new IncomingEvent.SetLogged(event, checked(forPatient(event, set.patientId(), set)));
                }
                case EventTypes.SESSION_COMPLETED -> {
                    SessionCompleted session = read(event, SessionCompleted.class);
                    yield new IncomingEvent.SessionFinished(
                            event, checked(forPatient(event, session.patientId(), session)));
                }
                case EventTypes.MORNING_CHECK_IN -> {
                    MorningCheckInLogged checkIn = read(event, MorningCheckInLogged.class);
                    yield new IncomingEvent.CheckInLogged(
                            event, checked(forPatient(event, checkIn.patientId(), checkIn)));
                }
                case EventTypes.OUTCOME_RECORDED -> {
                    OutcomeRecorded outcome = read(event, OutcomeRecorded.class);
                    yield new IncomingEvent.OutcomeLogged(
                            event, checked(forPatient(event, outcome.patientId(), outcome)));
                }
                default -> throw new InvalidEventException("unknown ce_type " + event.type());
            };
        } catch (InvalidEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidEventException(
                    "data cannot be read as " + event.type() + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    e);
        }
    }

    /** The snapshot with every field it needs checked; an impossible one is an invalid event. */
    public static PlanSnapshot checked(PlanSnapshot plan) {
        require(plan.planId(), "planId");
        require(plan.patientId(), "patientId");
        require(plan.clinicId(), "clinicId");
        require(plan.startDate(), "startDate");
        require(plan.weeks(), "weeks");
        require(plan.weekdays(), "weekdays");
        require(plan.status(), "status");
        require(plan.items(), "items");
        if (plan.weeks() < 1 || plan.weeks() > 520) {
            throw new InvalidEventException("weeks must be from 1 to 520");
        }
        if (plan.weekdays().stream().anyMatch(day -> day == null || day < 1 || day > 7)) {
            throw new InvalidEventException("weekdays must be ISO weekdays from 1 to 7");
        }
        plan.items().forEach(item -> {
            require(item, "items[]");
            require(item.itemId(), "items.itemId");
            require(item.exerciseId(), "items.exerciseId");
            require(item.doseKind(), "items.doseKind");
            requireRange(item);
        });
        return plan;
    }

    /**
     * The range the engine reads for the item's dose kind: reps for a reps dose, seconds for a hold or
     * a duration, and sets from 1 up to setsMax. Without it the engine would fail on this event every
     * time it is tried, which a consumer that retries failures would never get past.
     */
    private static void requireRange(PlanItemData item) {
        boolean reps = "reps".equals(item.doseKind());
        Integer bottom = reps ? item.repsMin() : item.secondsMin();
        Integer top = reps ? item.repsMax() : item.secondsMax();
        String unit = reps ? "reps" : "seconds";
        if (bottom == null || top == null || bottom < 0 || top < bottom) {
            throw new InvalidEventException("items." + unit + "Min and " + unit + "Max must be a range for a "
                    + item.doseKind() + " dose (item " + item.itemId() + ")");
        }
        if (item.sets() < 1 || item.setsMax() < item.sets()) {
            throw new InvalidEventException("items.sets must be from 1 to setsMax (item " + item.itemId() + ")");
        }
    }

    private IncomingEvent.PlanStatusSet status(Envelope event, String status) {
        PlanStatusChanged change = read(event, PlanStatusChanged.class);
        forPatient(event, change.patientId(), change);
        require(change.planId(), "planId");
        require(change.date(), "date");
        return new IncomingEvent.PlanStatusSet(event, change, status);
    }

    /** A set with every field checked; an impossible one is an invalid event. */
    private static SetCompleted checked(SetCompleted set) {
        require(set.setId(), "setId");
        require(set.patientId(), "patientId");
        require(set.clinicId(), "clinicId");
        require(set.planId(), "planId");
        require(set.itemId(), "itemId");
        require(set.exerciseId(), "exerciseId");
        require(set.sessionDate(), "sessionDate");
        require(set.loggedAt(), "loggedAt");
        if (set.pain() < 0 || set.pain() > 10) {
            throw new InvalidEventException("pain must be from 0 to 10");
        }
        if (set.setNumber() < 1) {
            throw new InvalidEventException("setNumber must be 1 or more");
        }
        if (set.side() != null && !set.side().equals("left") && !set.side().equals("right")) {
            throw new InvalidEventException("side must be left, right or null");
        }
        if ((set.reps() != null && set.reps() < 0) || (set.seconds() != null && set.seconds() < 0)) {
            throw new InvalidEventException("reps and seconds must not be negative");
        }
        if (set.rir() != null && set.rir() < 0) {
            throw new InvalidEventException("rir must not be negative");
        }
        if (set.band() != null && !Band.colours().contains(set.band())) {
            throw new InvalidEventException("band must be one of " + Band.colours());
        }
        return set;
    }

    private static SessionCompleted checked(SessionCompleted session) {
        require(session.planId(), "planId");
        require(session.sessionDate(), "sessionDate");
        require(session.patientId(), "patientId");
        require(session.clinicId(), "clinicId");
        require(session.completedAt(), "completedAt");
        if (session.setsPrescribed() < 0 || session.setsLogged() < 0) {
            throw new InvalidEventException("setsPrescribed and setsLogged must not be negative");
        }
        return session;
    }

    private static MorningCheckInLogged checked(MorningCheckInLogged checkIn) {
        require(checkIn.checkInId(), "checkInId");
        require(checkIn.patientId(), "patientId");
        require(checkIn.clinicId(), "clinicId");
        require(checkIn.date(), "date");
        require(checkIn.loggedAt(), "loggedAt");
        if (checkIn.pain() < 0 || checkIn.pain() > 10) {
            throw new InvalidEventException("pain must be from 0 to 10");
        }
        return checkIn;
    }

    /**
     * A score with every field checked, and consistent with its measure: the scale and direction the
     * event states are the measure's, and the score lies on that scale (the rules read them from the measure).
     */
    private static OutcomeRecorded checked(OutcomeRecorded outcome) {
        require(outcome.outcomeId(), "outcomeId");
        require(outcome.patientId(), "patientId");
        require(outcome.clinicId(), "clinicId");
        require(outcome.planId(), "planId");
        require(outcome.measure(), "measure");
        require(outcome.occasion(), "occasion");
        require(outcome.dueOn(), "dueOn");
        require(outcome.completedOn(), "completedOn");
        require(outcome.score(), "score");
        require(outcome.scaleMax(), "scaleMax");
        require(outcome.higherIsBetter(), "higherIsBetter");
        require(outcome.itemsAnswered(), "itemsAnswered");
        require(outcome.itemsTotal(), "itemsTotal");
        require(outcome.questionnaire(), "questionnaire");
        require(outcome.loggedAt(), "loggedAt");
        if (outcome.clinicId().isEmpty() || outcome.questionnaire().isEmpty()) {
            throw new InvalidEventException("clinicId and questionnaire must not be empty");
        }
        OutcomeMeasure measure = known(OutcomeMeasure.class, outcome.measure(), "measure");
        known(OutcomeOccasion.class, outcome.occasion(), "occasion");
        if (outcome.scaleMax().compareTo(measure.scaleMax()) != 0) {
            throw new InvalidEventException(
                    "scaleMax of " + measure + " is " + measure.scaleMax().toPlainString() + ", not "
                            + outcome.scaleMax().toPlainString());
        }
        if (outcome.higherIsBetter() != measure.higherIsBetter()) {
            throw new InvalidEventException("higherIsBetter of " + measure + " is " + measure.higherIsBetter());
        }
        if (outcome.score().signum() < 0 || outcome.score().compareTo(measure.scaleMax()) > 0) {
            throw new InvalidEventException(
                    "score must be from 0 to " + measure.scaleMax().toPlainString() + " for " + measure);
        }
        if (outcome.itemsAnswered() < 1 || outcome.itemsTotal() < 1) {
            throw new InvalidEventException("itemsAnswered and itemsTotal must be 1 or more");
        }
        return outcome;
    }

    /** A value of the contract's enum; any other is an invalid event (a new one would be a new event type). */
    private static <E extends Enum<E>> E known(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(field + " " + value + " is not one of the contract's");
        }
    }

    /** The data's patient must be the record's subject: a mismatch would apply one patient's event to another. */
    private static <T> T forPatient(Envelope event, String patientId, T data) {
        if (!event.subject().equals(patientId)) {
            throw new InvalidEventException("patientId " + patientId + " is not the ce_subject " + event.subject());
        }
        return data;
    }

    /** The data as the event's record; JSON null is no record either. */
    private <T> T read(Envelope event, Class<T> type) {
        T data;
        try {
            data = events.forType(type).readValue(event.data());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(
                    "data is not a valid " + type.getSimpleName() + field(e) + ": " + e.getOriginalMessage());
        }
        if (data == null) {
            throw new InvalidEventException("data is not a valid " + type.getSimpleName() + ": it is null");
        }
        return data;
    }

    /** Where in the data reading failed (" at items[0].sets"), or nothing when it is not known. */
    private static String field(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return " at " + path;
    }
}
