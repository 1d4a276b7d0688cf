package org.backstrong.planner.service;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.backstrong.planner.domain.DoseKind;
import org.backstrong.planner.domain.LoggedSet;
import org.backstrong.planner.domain.MorningCheckIn;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.OutboxEvent;
import org.backstrong.planner.domain.PlanStatus;
import org.backstrong.planner.domain.Schedule;
import org.backstrong.planner.domain.SessionCompletion;
import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.event.MorningCheckInLogged;
import org.backstrong.planner.event.SessionCompleted;
import org.backstrong.planner.event.SetCompleted;
import org.backstrong.planner.messaging.Outbox;
import org.backstrong.planner.messaging.Topics;
import org.backstrong.planner.repository.LoggedSetRepository;
import org.backstrong.planner.repository.MorningCheckInRepository;
import org.backstrong.planner.repository.PlanRepository;
import org.backstrong.planner.repository.SessionCompletionRepository;
import org.backstrong.planner.repository.SetLogStore;
import org.backstrong.planner.rest.CheckInInput;
import org.backstrong.planner.rest.SetInput;

import io.quarkus.logging.Log;

/**
 * What patients log: sets, session completions and morning check-ins. Each write stores its
 * rows and its event in one transaction; a resend under the same id stores nothing new and
 * answers what the first one did.
 */
@ApplicationScoped
public class SetLogging {

    /** What a log call answers: the stored record, and whether this call created it. */
    public record Logged<T>(T value, boolean created) {
    }

    private final PlanRepository plans;
    private final LoggedSetRepository sets;
    private final SessionCompletionRepository completions;
    private final MorningCheckInRepository checkIns;
    private final Outbox outbox;
    private final SetLogStore store;

    public SetLogging(PlanRepository plans, LoggedSetRepository sets, SessionCompletionRepository completions,
            MorningCheckInRepository checkIns, Outbox outbox, SetLogStore store) {
        this.store = store;
        this.plans = plans;
        this.sets = sets;
        this.completions = completions;
        this.checkIns = checkIns;
        this.outbox = outbox;
    }

    /**
     * The hot path (issue 4, "Speed"; planner-service/bench/log-sets.sh), in plain JDBC: one query for
     * the plan and the logged item, one statement for the set and its outbox event, the commit. A
     * resend is recognised by the insert (its id is taken) or, when the set would now be refused, by
     * looking the id up before refusing: either way it answers what was stored first, as if it had
     * been looked up before anything else.
     */
    @Transactional
    public Logged<LoggedSet> logSet(String patientId, SetInput input, LocalDate today) {
        SetLogStore.Target target;
        SetLogStore.Item item;
        try {
            target = store.target(input.planId(), input.itemId())
                    .filter(plan -> plan.patientId().equals(patientId))
                    .orElseThrow(() -> new NotFoundException("Plan " + input.planId()));
            requireActive(target.status(), target.statusReason());
            requireSessionDay(target.schedule(), input.date(), today, "date");
            item = target.item();
            if (item == null) {
                throw new InvalidInputException(422, "not-in-session", "itemId",
                        "Item " + input.itemId() + " is not part of this session");
            }
            if (item.paused()) {
                throw new ConflictException("exercise-paused", item.exerciseName() + " is paused: " + item.pauseReason());
            }
            requireMeasuredAsPrescribed(item, input);
        } catch (NotFoundException | ConflictException | InvalidInputException refused) {
            LoggedSet earlier = sets.findById(input.setId());
            if (earlier != null) {
                return resent(earlier, patientId);
            }
            throw refused;
        }
        LoggedSet set = new LoggedSet();
        set.id = input.setId();
        set.patientId = patientId;
        set.planId = target.planId();
        set.itemId = item.id();
        set.sessionDate = input.date();
        set.setNumber = input.setNumber();
        set.side = input.side() == null ? null : LoggedSet.Side.valueOf(input.side().toUpperCase());
        set.reps = input.reps();
        set.seconds = input.seconds();
        // As PostgreSQL keeps them, so the first answer and every resend's are the same.
        set.loadKg = input.loadKg() == null ? null : input.loadKg().setScale(2, RoundingMode.HALF_UP);
        set.band = input.band();
        set.rir = input.rir();
        set.rpe = input.rpe() == null ? null : input.rpe().setScale(1, RoundingMode.HALF_UP);
        set.pain = input.pain();
        set.beyondNormalFatigue = input.beyondNormalFatigue();
        set.note = input.note();
        set.loggedAt = now();
        OutboxEvent event = outbox.event(Topics.SET_EVENTS, patientId, EventTypes.SET_COMPLETED,
                SetCompleted.of(set, target.clinicId(), item.exerciseId()));
        if (!store.insertIfNew(set, event)) {
            LoggedSet first = sets.findById(input.setId());
            if (first != null) {
                // A resend that raced the first: the first one stored it.
                return resent(first, patientId);
            }
            throw new ConflictException("set-already-logged", "Set " + input.setNumber()
                    + (input.side() == null ? "" : " (" + input.side() + ")") + " of " + item.exerciseName() + " on "
                    + input.date() + " is already logged");
        }
        outbox.written();
        Log.debugf("Set %s logged: plan %s item %s set %d pain %d", set.id, set.planId, set.itemId, set.setNumber, set.pain);
        return new Logged<>(set, true);
    }

    @Transactional
    public Logged<SessionCompletion> completeSession(String patientId, UUID planId, LocalDate date, LocalDate today) {
        Plan plan = ownPlan(patientId, planId);
        var earlier = completions.find(plan.id, date);
        if (earlier.isPresent()) {
            return new Logged<>(earlier.get(), false);
        }
        requireActive(plan.status, plan.statusReason);
        requireSessionDay(plan.schedule(), date, today, "date");
        SessionCompletion completion = new SessionCompletion();
        completion.planId = plan.id;
        completion.sessionDate = date;
        completion.setsPrescribed = plan.items.stream().filter(item -> !item.paused)
                .mapToInt(item -> item.prescription.setsToLog()).sum();
        completion.setsLogged = (int) sets.countOfSession(plan.id, date);
        completion.completedAt = now();
        completions.persist(completion);
        outbox.add(Topics.SET_EVENTS, patientId, EventTypes.SESSION_COMPLETED, new SessionCompleted(patientId,
                plan.clinicId, plan.id, date, completion.setsPrescribed, completion.setsLogged, completion.completedAt));
        Log.infof("Session %s of plan %s completed: %d of %d sets", date, plan.id, completion.setsLogged,
                completion.setsPrescribed);
        return new Logged<>(completion, true);
    }

    /** The morning after a session: one check-in a day. */
    @Transactional
    public Logged<MorningCheckIn> checkIn(String patientId, CheckInInput input, LocalDate today) {
        MorningCheckIn earlier = checkIns.findById(input.id());
        if (earlier != null) {
            if (!earlier.patientId.equals(patientId)) {
                throw new ConflictException("id-taken", "Check-in id " + input.id() + " is taken");
            }
            return new Logged<>(earlier, false);
        }
        Plan plan = plans.currentOf(patientId)
                .orElseThrow(() -> new ConflictException("no-plan", "There is no plan to check in for"));
        if (input.date().isAfter(today)) {
            throw new InvalidInputException(422, "future-date", "date", "A check-in cannot be dated in the future");
        }
        if (!plan.schedule().isSessionDay(input.date().minusDays(1))) {
            throw new InvalidInputException(422, "no-session-before", "date",
                    "A morning check-in follows a session day; " + input.date().minusDays(1) + " was not one");
        }
        if (checkIns.of(patientId, input.date()).isPresent()) {
            throw new ConflictException("already-checked-in", "There is already a check-in for " + input.date());
        }
        MorningCheckIn checkIn = new MorningCheckIn();
        checkIn.id = input.id();
        checkIn.patientId = patientId;
        checkIn.planId = plan.id;
        checkIn.date = input.date();
        checkIn.pain = input.pain();
        checkIn.loggedAt = now();
        checkIns.persist(checkIn);
        outbox.add(Topics.SET_EVENTS, patientId, EventTypes.MORNING_CHECK_IN, new MorningCheckInLogged(checkIn.id,
                patientId, plan.clinicId, plan.id, checkIn.date, checkIn.pain, checkIn.loggedAt));
        return new Logged<>(checkIn, true);
    }

    /** Now, at PostgreSQL's precision (microseconds, UTC). */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private Logged<LoggedSet> resent(LoggedSet earlier, String patientId) {
        if (!earlier.patientId.equals(patientId)) {
            throw new ConflictException("id-taken", "Set id " + earlier.id + " is taken");
        }
        return new Logged<>(earlier, false);
    }

    private Plan ownPlan(String patientId, UUID planId) {
        return plans.findByIdOptional(planId)
                .filter(plan -> plan.patientId.equals(patientId))
                .orElseThrow(() -> new NotFoundException("Plan " + planId));
    }

    private static void requireActive(PlanStatus status, String statusReason) {
        if (status != PlanStatus.ACTIVE) {
            throw new ConflictException("plan-" + status.name().toLowerCase(),
                    "The plan is " + status.name().toLowerCase() + (statusReason == null ? "" : ": " + statusReason));
        }
    }

    private static void requireSessionDay(Schedule schedule, LocalDate date, LocalDate today, String field) {
        if (date.isAfter(today)) {
            throw new InvalidInputException(422, "future-session", field, "Sessions are logged on or after their day");
        }
        if (!schedule.isSessionDay(date)) {
            throw new InvalidInputException(422, "no-session", field, date + " is not a session day of this plan");
        }
    }

    /** Reps for a reps dose, seconds for a hold or duration; a side exactly when the item is per side. */
    private static void requireMeasuredAsPrescribed(SetLogStore.Item item, SetInput input) {
        boolean reps = item.doseKind() == DoseKind.REPS;
        if (reps && input.reps() == null) {
            throw new InvalidInputException("reps", "is required: " + item.exerciseName() + " is counted in reps");
        }
        if (!reps && input.seconds() == null) {
            throw new InvalidInputException("seconds", "is required: " + item.exerciseName() + " is counted in seconds");
        }
        if (item.perSide() && input.side() == null) {
            throw new InvalidInputException("side", "is required: " + item.exerciseName() + " is done on each side");
        }
        if (!item.perSide() && input.side() != null) {
            throw new InvalidInputException("side", "must be left out: " + item.exerciseName() + " is not done per side");
        }
        if (input.setNumber() > item.setsMax()) {
            throw new InvalidInputException("setNumber", "must be at most " + item.setsMax() + " for " + item.exerciseName());
        }
    }
}
