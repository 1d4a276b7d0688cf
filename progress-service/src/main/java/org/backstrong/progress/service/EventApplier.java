package org.backstrong.progress.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * Applies one event in one transaction: its id is recorded with its effect, so a redelivered event
 * changes nothing; one patient's events never apply concurrently.
 */
@ApplicationScoped
public class EventApplier {

    private final ProcessedEventRepository processed;
    private final PlanProjection plans;
    private final SetEvents setEvents;
    private final ObjectMapper json;

    public EventApplier(ProcessedEventRepository processed, PlanProjection plans, SetEvents setEvents,
            ObjectMapper json) {
        this.processed = processed;
        this.plans = plans;
        this.setEvents = setEvents;
        this.json = json;
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
        OffsetDateTime at = event.time() == null ? OffsetDateTime.now(ZoneOffset.UTC) : event.time();
        switch (event.type()) {
            case EventTypes.PLAN_ASSIGNED, EventTypes.PLAN_CHANGED -> {
                PlanSnapshot plan = read(event, PlanSnapshot.class);
                setEvents.sessionsBeforeThePlan(plans.snapshot(forPatient(event, plan.patientId(), plan), at), event.id(),
                        at);
            }
            case EventTypes.PLAN_PAUSED -> plans.status(status(event), PatientPlan.PAUSED, at);
            case EventTypes.PLAN_RESUMED -> plans.status(status(event), PatientPlan.ACTIVE, at);
            case EventTypes.PLAN_ENDED -> plans.status(status(event), PatientPlan.COMPLETED, at);
            case EventTypes.SET_COMPLETED -> {
                SetCompleted set = read(event, SetCompleted.class);
                setEvents.setCompleted(forPatient(event, set.patientId(), set));
            }
            case EventTypes.SESSION_COMPLETED -> {
                SessionCompleted session = read(event, SessionCompleted.class);
                setEvents.sessionCompleted(forPatient(event, session.patientId(), session), event.id(), at);
            }
            case EventTypes.MORNING_CHECK_IN -> {
                MorningCheckInLogged checkIn = read(event, MorningCheckInLogged.class);
                setEvents.morningCheckIn(forPatient(event, checkIn.patientId(), checkIn));
            }
            default -> throw new InvalidEventException("unknown ce_type " + event.type());
        }
        return true;
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

    private <T> T read(Envelope event, Class<T> type) {
        try {
            return json.readValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("data is not a valid " + type.getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }
}
