package org.backstrong.progress.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;

import org.backstrong.progress.domain.PatientPlan;
import org.backstrong.progress.event.Envelope;
import org.backstrong.progress.event.SetCompleted;
import org.backstrong.progress.repository.ProcessedEventRepository;

/**
 * Applies events read by {@link IncomingEventReader}, one or a whole batch per transaction: the ids
 * are recorded with their effects, so a redelivered event changes nothing; one patient's events
 * never apply concurrently and take effect in the order they were read.
 */
@ApplicationScoped
public class EventApplier {

    private final ProcessedEventRepository processed;
    private final PlanProjection plans;
    private final SetEvents setEvents;
    private final Outcomes outcomes;
    private final EventMetrics metrics;

    public EventApplier(
            ProcessedEventRepository processed,
            PlanProjection plans,
            SetEvents setEvents,
            Outcomes outcomes,
            EventMetrics metrics) {
        this.processed = processed;
        this.plans = plans;
        this.setEvents = setEvents;
        this.outcomes = outcomes;
        this.metrics = metrics;
    }

    /**
     * An event of the batch that can never be applied though its record is valid (a status change of
     * a plan never assigned): nothing of it is applied nor recorded, and the caller parks it.
     *
     * @param index its position in the batch
     */
    public record Refused(int index, InvalidEventException reason) {}

    /** One event in a transaction of its own: a batch of one. */
    @Transactional
    public List<Refused> apply(IncomingEvent event) {
        return applyBatch(List.of(event));
    }

    /**
     * Applies a batch of events, in their order, in one transaction: every patient of the batch is
     * locked first (in lock-key order), the ids are recorded with one statement (an id recorded
     * before, or earlier in the batch, changes nothing), runs of SetCompleted events are written
     * with set-based SQL, and a patient's pending sets are written before any other event of that
     * patient, so each patient's events take effect in the order they were read.
     *
     * @return the events refused, which changed nothing
     */
    @Transactional
    public List<Refused> applyBatch(List<IncomingEvent> batch) {
        Set<String> patients = new TreeSet<>();
        Map<String, Envelope> distinct = new LinkedHashMap<>();
        for (IncomingEvent event : batch) {
            patients.add(event.envelope().subject());
            distinct.putIfAbsent(event.envelope().id(), event.envelope());
        }
        processed.lockPatients(patients);
        Set<String> fresh = processed.recordFirstTime(List.copyOf(distinct.values()));
        PendingSets pending = new PendingSets();
        List<Refused> refused = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            IncomingEvent event = batch.get(i);
            Envelope envelope = event.envelope();
            if (!fresh.remove(envelope.id())) {
                Log.infof("Event %s (%s) was applied before; nothing changes", envelope.id(), envelope.type());
                metrics.duplicate(envelope.type());
                continue;
            }
            InvalidEventException reason = dispatch(event, pending);
            if (reason != null) {
                processed.forget(envelope.id());
                refused.add(new Refused(i, reason));
            } else {
                metrics.applied(envelope.type());
            }
        }
        pending.write();
        return refused;
    }

    /**
     * The one place an event meets its use case (a pattern switch is not final in Java 17, hence the
     * chain of the sealed type's records); returns why it was refused, or null once applied.
     */
    private InvalidEventException dispatch(IncomingEvent event, PendingSets pending) {
        Envelope envelope = event.envelope();
        if (event instanceof IncomingEvent.SetLogged set) {
            pending.add(set.data(), envelope.traceparent());
            return null;
        }
        // What this event publishes goes on in its trace (a SetCompleted's in its own, when its flag is raised).
        try (Scope applying = EventTrace.applying(envelope.traceparent())) {
            pending.writeBefore(envelope.subject());
            OffsetDateTime at = envelope.time() == null ? OffsetDateTime.now(ZoneOffset.UTC) : envelope.time();
            if (event instanceof IncomingEvent.PlanSnapshotted plan) {
                PatientPlan current = plans.snapshot(plan.data(), at);
                setEvents.sessionsBeforeThePlan(current, envelope.id(), at);
            } else if (event instanceof IncomingEvent.PlanStatusSet change) {
                if (!plans.status(change.data(), change.status(), at)) {
                    return new InvalidEventException(
                            "plan " + change.data().planId() + " is not known (no PlanAssigned before it)");
                }
            } else if (event instanceof IncomingEvent.SessionFinished session) {
                setEvents.sessionCompleted(session.data(), envelope.id(), at);
            } else if (event instanceof IncomingEvent.CheckInLogged checkIn) {
                setEvents.morningCheckIn(checkIn.data());
            } else if (event instanceof IncomingEvent.OutcomeLogged outcome) {
                outcomes.recorded(outcome.data(), envelope.id());
            } else {
                throw new IllegalStateException(
                        "No use case for " + event.getClass().getSimpleName());
            }
            return null;
        }
    }

    /** SetCompleted events waiting to be written together, and the patients they belong to. */
    private final class PendingSets {

        private final List<SetCompleted> sets = new ArrayList<>();
        private final Map<UUID, String> traceparents = new HashMap<>();
        private final Set<String> patients = new HashSet<>();

        void add(SetCompleted set, String traceparent) {
            sets.add(set);
            if (traceparent != null) {
                traceparents.putIfAbsent(set.setId(), traceparent);
            }
            patients.add(set.patientId());
        }

        /** Writes them all when the patient has some, so the patient's next event sees its sets. */
        void writeBefore(String patientId) {
            if (patients.contains(patientId)) {
                write();
            }
        }

        void write() {
            if (!sets.isEmpty()) {
                setEvents.setsCompleted(List.copyOf(sets), Map.copyOf(traceparents));
            }
            sets.clear();
            traceparents.clear();
            patients.clear();
        }
    }
}
