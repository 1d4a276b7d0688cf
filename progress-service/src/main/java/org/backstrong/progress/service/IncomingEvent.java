package org.backstrong.progress.service;

import org.backstrong.progress.event.Envelope;
import org.backstrong.progress.event.MorningCheckInLogged;
import org.backstrong.progress.event.OutcomeRecorded;
import org.backstrong.progress.event.PlanSnapshot;
import org.backstrong.progress.event.PlanStatusChanged;
import org.backstrong.progress.event.SessionCompleted;
import org.backstrong.progress.event.SetCompleted;

/**
 * An event of plan-events or set-events, read and checked by the contract ({@link IncomingEventReader})
 * before any batch starts: what reaches {@link EventApplier} is one of these, and can be applied.
 */
public sealed interface IncomingEvent {

    /** The record's CloudEvents attributes. */
    Envelope envelope();

    /** The event's data, as its record of the contract. */
    Object data();

    /** PlanAssigned or PlanChanged: the whole plan. */
    record PlanSnapshotted(Envelope envelope, PlanSnapshot data) implements IncomingEvent {}

    /** PlanPaused, PlanResumed or PlanEnded, with the status the plan takes. */
    record PlanStatusSet(Envelope envelope, PlanStatusChanged data, String status) implements IncomingEvent {}

    /** SetCompleted: one logged set. */
    record SetLogged(Envelope envelope, SetCompleted data) implements IncomingEvent {}

    /** SessionCompleted: a session the patient finished. */
    record SessionFinished(Envelope envelope, SessionCompleted data) implements IncomingEvent {}

    /** MorningCheckIn: the pain the morning after a session. */
    record CheckInLogged(Envelope envelope, MorningCheckInLogged data) implements IncomingEvent {}

    /** OutcomeRecorded: an outcome measure the patient completed, with its score. */
    record OutcomeLogged(Envelope envelope, OutcomeRecorded data) implements IncomingEvent {}
}
