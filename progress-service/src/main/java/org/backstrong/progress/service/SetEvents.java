package org.backstrong.progress.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;

import org.backstrong.progress.domain.AdherenceChange;
import org.backstrong.progress.domain.LoggedSet;
import org.backstrong.progress.domain.MorningCheckIn;
import org.backstrong.progress.domain.PatientPlan;
import org.backstrong.progress.domain.SessionCompletion;
import org.backstrong.progress.domain.progression.FlagCall;
import org.backstrong.progress.domain.progression.PainFlagRule;
import org.backstrong.progress.domain.progression.WeekPain;
import org.backstrong.progress.event.MorningCheckInLogged;
import org.backstrong.progress.event.SessionCompleted;
import org.backstrong.progress.event.SetCompleted;
import org.backstrong.progress.repository.AdherenceProjection;
import org.backstrong.progress.repository.CheckInRepository;
import org.backstrong.progress.repository.DecisionRepository;
import org.backstrong.progress.repository.LoggedSetRepository;
import org.backstrong.progress.repository.PlanRepository;
import org.backstrong.progress.repository.SessionRepository;

/**
 * What patients log: sets (a STOP flag the moment pain says stop), finished sessions (adherence,
 * the weekly pain trend, progression decisions) and morning check-ins (a WATCH flag when the
 * pain did not settle).
 */
@ApplicationScoped
public class SetEvents {

    private final LoggedSetRepository sets;
    private final SessionRepository sessions;
    private final CheckInRepository checkIns;
    private final PlanRepository plans;
    private final AdherenceProjection adherence;
    private final PainFlags flags;
    private final Progression progression;
    private final DecisionRepository decisions;

    public SetEvents(
            LoggedSetRepository sets,
            SessionRepository sessions,
            CheckInRepository checkIns,
            PlanRepository plans,
            AdherenceProjection adherence,
            PainFlags flags,
            Progression progression,
            DecisionRepository decisions) {
        this.decisions = decisions;
        this.sets = sets;
        this.sessions = sessions;
        this.checkIns = checkIns;
        this.plans = plans;
        this.adherence = adherence;
        this.flags = flags;
        this.progression = progression;
    }

    /**
     * SetCompleted events, one or many (checked by {@link IncomingEventReader}, in the order they
     * were read), with one insert and one upsert per adherence table: a set id known already (before
     * or earlier in the batch) changes nothing, and the STOP flags are raised in order, each in the trace
     * of its set's record ({@code traceparents}, by set id, of the sets whose record carried one).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setsCompleted(List<SetCompleted> batch, Map<UUID, String> traceparents) {
        Map<UUID, LoggedSet> distinct = new LinkedHashMap<>();
        for (LoggedSet set : batch.stream().map(SetEvents::loggedSet).toList()) {
            if (distinct.putIfAbsent(set.setId, set) != null) {
                Log.infof("Set %s of patient %s is known already; nothing changes", set.setId, set.patientId);
            }
        }
        List<LoggedSet> fresh = sets.insertNew(List.copyOf(distinct.values()));
        if (fresh.size() < distinct.size()) {
            Log.infof(
                    "%d of %d sets were known already; nothing changes for them",
                    distinct.size() - fresh.size(), distinct.size());
        }
        adherence.addLoggedSets(fresh);
        for (LoggedSet set : fresh) {
            Optional<FlagCall> call = PainFlagRule.duringSet(set.result(), set.note);
            if (call.isPresent()) {
                try (Scope applying = EventTrace.applying(traceparents.get(set.setId))) {
                    flags.raise(
                            call.get(),
                            new PainFlags.Subject(set.patientId, set.clinicId, set.planId, set.itemId, set.exerciseId),
                            set.loggedAt);
                }
            }
        }
    }

    /** The set a SetCompleted event reports, as the domain keeps it: the mapping sits here, at the edge. */
    private static LoggedSet loggedSet(SetCompleted event) {
        LoggedSet set = new LoggedSet();
        set.setId = event.setId();
        set.patientId = event.patientId();
        set.clinicId = event.clinicId();
        set.planId = event.planId();
        set.itemId = event.itemId();
        set.exerciseId = event.exerciseId();
        set.sessionDate = event.sessionDate();
        set.setNumber = event.setNumber();
        set.side = event.side();
        set.reps = event.reps();
        set.seconds = event.seconds();
        set.loadKg = event.loadKg();
        set.band = event.band();
        set.rir = event.rir();
        set.rpe = event.rpe();
        set.pain = event.pain();
        set.beyondNormalFatigue = event.beyondNormalFatigue();
        set.loggedAt = event.loggedAt();
        set.note = event.note();
        return set;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void sessionCompleted(SessionCompleted event, String eventId, OffsetDateTime at) {
        SessionCompletion session = new SessionCompletion();
        session.key = new SessionCompletion.Key(event.planId(), event.sessionDate());
        session.patientId = event.patientId();
        session.clinicId = event.clinicId();
        session.setsPrescribed = event.setsPrescribed();
        session.setsLogged = event.setsLogged();
        session.completedAt = event.completedAt();
        session.counted = SessionCompletion.counts(session.setsPrescribed, session.setsLogged);
        if (sessions.findById(session.key) != null) {
            Log.infof(
                    "Session of plan %s on %s is known already; nothing changes",
                    session.key.planId(), session.key.sessionDate());
            return;
        }
        sessions.persist(session);
        LocalDate week = AdherenceChange.weekStart(session.key.sessionDate());
        if (session.counted) {
            adherence.addCompletedSession(session.patientId, session.clinicId, session.key.sessionDate());
        }
        List<WeekPain> lastThreeWeeks = adherence.weeklyPain(session.patientId, week.minusWeeks(2), week);
        PainFlagRule.weeklyTrend(lastThreeWeeks)
                .ifPresent(call -> flags.raise(
                        call,
                        new PainFlags.Subject(session.patientId, session.clinicId, session.key.planId(), null, null),
                        session.completedAt));
        PatientPlan plan = plans.findById(session.key.planId());
        if (plan == null) {
            Log.warnf(
                    "Session of patient %s on %s belongs to plan %s, which is not known yet: no progression",
                    session.patientId, session.key.sessionDate(), session.key.planId());
            return;
        }
        progression.afterSession(plan, session.key.sessionDate(), eventId, at);
    }

    /**
     * plan-events and set-events are separate topics, so a session can arrive before its plan
     * (a consumer catching up, a replay from the start). When the plan arrives, those sessions get
     * their decisions, in date order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sessionsBeforeThePlan(PatientPlan plan, String eventId, OffsetDateTime at) {
        for (SessionCompletion session : sessions.ofPlan(plan.planId)) {
            if (!decisions.existFor(plan.planId, session.key.sessionDate())) {
                progression.afterSession(plan, session.key.sessionDate(), eventId, session.completedAt);
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void morningCheckIn(MorningCheckInLogged event) {
        MorningCheckIn checkIn = new MorningCheckIn();
        checkIn.checkInId = event.checkInId();
        checkIn.patientId = event.patientId();
        checkIn.clinicId = event.clinicId();
        checkIn.date = event.date();
        checkIn.pain = event.pain();
        checkIn.loggedAt = event.loggedAt();
        if (checkIns.findById(checkIn.checkInId) != null) {
            Log.infof("Check-in %s is known already; nothing changes", checkIn.checkInId);
            return;
        }
        Optional<LoggedSet> firstSet = sets.firstOfLatestSessionBefore(checkIn.patientId, checkIn.date);
        checkIn.preSessionPain = firstSet.map(set -> set.pain)
                .or(() -> checkIns.latestBefore(checkIn.patientId, checkIn.date).map(previous -> previous.pain))
                .orElse(null);
        checkIn.settled = PainFlagRule.settled(checkIn.pain, checkIn.preSessionPain);
        checkIns.persist(checkIn);
        PainFlagRule.morningAfter(checkIn.date, checkIn.pain, checkIn.preSessionPain)
                .ifPresent(call -> flags.raise(
                        call,
                        new PainFlags.Subject(
                                checkIn.patientId,
                                checkIn.clinicId,
                                firstSet.map(set -> set.planId).orElse(null),
                                null,
                                null),
                        checkIn.loggedAt));
    }
}
