package org.backstrong.progress.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.backstrong.progress.domain.LoggedSet;
import org.backstrong.progress.domain.PatientPlan;
import org.backstrong.progress.event.Envelope;
import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.event.MorningCheckInLogged;
import org.backstrong.progress.event.PlanSnapshot;
import org.backstrong.progress.event.PlanStatusChanged;
import org.backstrong.progress.event.SessionCompleted;
import org.backstrong.progress.event.SetCompleted;
import org.backstrong.progress.repository.ProcessedEventRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.logging.Log;

/**
 * Applies events, one ({@link #apply}) or a whole batch ({@link #applyBatch}) per transaction: the
 * ids are recorded with their effects, so a redelivered event changes nothing; one patient's events
 * never apply concurrently and take effect in the order they were read.
 */
@ApplicationScoped
public class EventApplier {

    private final ProcessedEventRepository processed;
    private final PlanProjection plans;
    private final SetEvents setEvents;
    /** Ignores fields a newer producer adds, whatever the mapper's setting; a missing number or flag fails, not 0. */
    private final ObjectReader events;

    public EventApplier(ProcessedEventRepository processed, PlanProjection plans, SetEvents setEvents,
            ObjectMapper json) {
        this.processed = processed;
        this.plans = plans;
        this.setEvents = setEvents;
        this.events = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** An event checked and read, ready to apply: data is the parsed event (a {@link LoggedSet} for SetCompleted). */
    public record Prepared(Envelope event, Object data) {
    }

    /** An event of a batch that cannot be applied: its position in the batch, and why. */
    public static final class InvalidInBatch extends RuntimeException {

        private final int index;

        InvalidInBatch(int index, InvalidEventException cause) {
            super(cause.getMessage(), cause);
            this.index = index;
        }

        public int index() {
            return index;
        }

        @Override
        public synchronized InvalidEventException getCause() {
            return (InvalidEventException) super.getCause();
        }
    }

    /** @return false when the event had been applied before */
    @Transactional
    public boolean apply(Envelope event) {
        InvalidEventException.require(event.id(), Envelope.ID);
        InvalidEventException.require(event.type(), Envelope.TYPE);
        InvalidEventException.require(event.subject(), Envelope.SUBJECT);
        InvalidEventException.require(event.data(), "data");
        processed.lockPatient(event.subject());
        if (!processed.recordFirstTime(event.id(), event.topic(), event.type())) {
            Log.infof("Event %s (%s) was applied before; nothing changes", event.id(), event.type());
            return false;
        }
        Prepared prepared = prepare(event);
        if (prepared.data() instanceof LoggedSet set) {
            setEvents.setCompleted(set);
        } else {
            applyOther(prepared);
        }
        return true;
    }

    /**
     * Checks an event's attributes and reads its data without touching the database, so most
     * events that cannot be applied are found before a batch starts.
     *
     * @throws InvalidEventException whatever is wrong with the record, and nothing else: reading it
     *         depends on nothing but the record, so one that cannot be read is parked alone
     */
    public Prepared prepare(Envelope event) {
        InvalidEventException.require(event.id(), Envelope.ID);
        InvalidEventException.require(event.type(), Envelope.TYPE);
        InvalidEventException.require(event.subject(), Envelope.SUBJECT);
        InvalidEventException.require(event.data(), "data");
        try {
            return new Prepared(event, data(event));
        } catch (InvalidEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidEventException("data cannot be read as " + event.type() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private Object data(Envelope event) {
        return switch (event.type()) {
            case EventTypes.PLAN_ASSIGNED, EventTypes.PLAN_CHANGED -> {
                PlanSnapshot plan = PlanProjection.checked(read(event, PlanSnapshot.class));
                yield forPatient(event, plan.patientId(), plan);
            }
            case EventTypes.PLAN_PAUSED, EventTypes.PLAN_RESUMED, EventTypes.PLAN_ENDED -> status(event);
            case EventTypes.SET_COMPLETED -> {
                SetCompleted set = read(event, SetCompleted.class);
                yield SetEvents.loggedSet(forPatient(event, set.patientId(), set));
            }
            case EventTypes.SESSION_COMPLETED -> {
                SessionCompleted session = read(event, SessionCompleted.class);
                yield forPatient(event, session.patientId(), session);
            }
            case EventTypes.MORNING_CHECK_IN -> {
                MorningCheckInLogged checkIn = read(event, MorningCheckInLogged.class);
                yield forPatient(event, checkIn.patientId(), checkIn);
            }
            default -> throw new InvalidEventException("unknown ce_type " + event.type());
        };
    }

    /**
     * Applies a batch of prepared events, in their order, in one transaction: every patient of the
     * batch is locked first (in lock-key order), the ids are recorded with one statement (an id
     * recorded before, or earlier in the batch, changes nothing), runs of SetCompleted events are
     * written with set-based SQL, and a patient's pending sets are written before any other event
     * of that patient, so each patient's events take effect in the order they were read.
     *
     * @throws InvalidInBatch when one event cannot be applied; nothing of the batch is committed
     */
    @Transactional
    public void applyBatch(List<Prepared> batch) {
        Set<String> patients = new TreeSet<>();
        Map<String, Envelope> distinct = new LinkedHashMap<>();
        for (Prepared prepared : batch) {
            patients.add(prepared.event().subject());
            distinct.putIfAbsent(prepared.event().id(), prepared.event());
        }
        processed.lockPatients(patients);
        Set<String> fresh = processed.recordFirstTime(List.copyOf(distinct.values()));
        List<LoggedSet> pendingSets = new ArrayList<>();
        Set<String> pendingPatients = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            Prepared prepared = batch.get(i);
            Envelope event = prepared.event();
            if (!fresh.remove(event.id())) {
                Log.infof("Event %s (%s) was applied before; nothing changes", event.id(), event.type());
                continue;
            }
            if (prepared.data() instanceof LoggedSet set) {
                pendingSets.add(set);
                pendingPatients.add(event.subject());
                continue;
            }
            if (pendingPatients.contains(event.subject())) {
                setEvents.setsCompleted(pendingSets);
                pendingSets.clear();
                pendingPatients.clear();
            }
            try {
                applyOther(prepared);
            } catch (InvalidEventException e) {
                throw new InvalidInBatch(i, e);
            }
        }
        setEvents.setsCompleted(pendingSets);
    }

    /** Any event but SetCompleted, in the caller's transaction. */
    private void applyOther(Prepared prepared) {
        Envelope event = prepared.event();
        OffsetDateTime at = event.time() == null ? OffsetDateTime.now(ZoneOffset.UTC) : event.time();
        switch (event.type()) {
            case EventTypes.PLAN_ASSIGNED, EventTypes.PLAN_CHANGED -> setEvents
                    .sessionsBeforeThePlan(plans.snapshot((PlanSnapshot) prepared.data(), at), event.id(), at);
            case EventTypes.PLAN_PAUSED -> plans.status((PlanStatusChanged) prepared.data(), PatientPlan.PAUSED, at);
            case EventTypes.PLAN_RESUMED -> plans.status((PlanStatusChanged) prepared.data(), PatientPlan.ACTIVE, at);
            case EventTypes.PLAN_ENDED -> plans.status((PlanStatusChanged) prepared.data(), PatientPlan.COMPLETED, at);
            case EventTypes.SESSION_COMPLETED ->
                setEvents.sessionCompleted((SessionCompleted) prepared.data(), event.id(), at);
            case EventTypes.MORNING_CHECK_IN -> setEvents.morningCheckIn((MorningCheckInLogged) prepared.data());
            default -> throw new InvalidEventException("unknown ce_type " + event.type());
        }
    }

    private PlanStatusChanged status(Envelope event) {
        PlanStatusChanged change = read(event, PlanStatusChanged.class);
        return forPatient(event, change.patientId(), change);
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
            throw new InvalidEventException("data is not a valid " + type.getSimpleName() + field(e) + ": "
                    + e.getOriginalMessage());
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
