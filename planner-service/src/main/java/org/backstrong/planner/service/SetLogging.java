package org.backstrong.planner.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.backstrong.planner.domain.LoggedSet;
import org.backstrong.planner.domain.MorningCheckIn;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.SessionCompletion;
import org.backstrong.planner.domain.SetLogRules;
import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.event.MorningCheckInLogged;
import org.backstrong.planner.event.SessionCompleted;
import org.backstrong.planner.messaging.Outbox;
import org.backstrong.planner.messaging.Topics;
import org.backstrong.planner.repository.LoggedSetRepository;
import org.backstrong.planner.repository.MorningCheckInRepository;
import org.backstrong.planner.repository.PlanRepository;
import org.backstrong.planner.repository.SessionCompletionRepository;

/**
 * What patients log: sets, session completions and morning check-ins. Each write stores its
 * rows and its event in one transaction; a resend under the same id stores nothing new and
 * answers what the first one did.
 */
@ApplicationScoped
public class SetLogging {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final PlanRepository plans;
    private final LoggedSetRepository sets;
    private final SessionCompletionRepository completions;
    private final MorningCheckInRepository checkIns;
    private final Outbox outbox;
    private final SetLogQueue queue;

    public SetLogging(
            PlanRepository plans,
            LoggedSetRepository sets,
            SessionCompletionRepository completions,
            MorningCheckInRepository checkIns,
            Outbox outbox,
            SetLogQueue queue) {
        this.queue = queue;
        this.plans = plans;
        this.sets = sets;
        this.completions = completions;
        this.checkIns = checkIns;
        this.outbox = outbox;
    }

    /**
     * Logs a set (the hot path; planner-service/bench/log-sets.sh): the set joins the
     * next group commit of {@link SetLogQueue}, and the answer completes once it is stored or refused.
     * A resend answers what was stored first.
     */
    public CompletionStage<Logged<LoggedSet>> logSet(String patientId, SetInput input, LocalDate today) {
        return queue.submit(patientId, input, today);
    }

    @Transactional
    public Logged<SessionCompletion> completeSession(String patientId, UUID planId, LocalDate date, LocalDate today) {
        Plan plan = ownPlan(patientId, planId);
        var earlier = completions.find(plan.id, date);
        if (earlier.isPresent()) {
            return new Logged<>(earlier.get(), false);
        }
        Refusals.throwIfAny(SetLogRules.inactive(plan.status, plan.statusReason)
                .or(() -> SetLogRules.notLoggableDay(plan.schedule(), date, today, "date")));
        SessionCompletion completion = new SessionCompletion();
        completion.planId = plan.id;
        completion.sessionDate = date;
        completion.setsPrescribed = plan.items.stream()
                .filter(item -> !item.paused)
                .mapToInt(item -> item.prescription.setsToLog())
                .sum();
        completion.setsLogged = (int) sets.countOfSession(plan.id, date);
        completion.completedAt = now();
        completions.persist(completion);
        outbox.add(
                Topics.SET_EVENTS,
                patientId,
                EventTypes.SESSION_COMPLETED,
                new SessionCompleted(
                        patientId,
                        plan.clinicId,
                        plan.id,
                        date,
                        completion.setsPrescribed,
                        completion.setsLogged,
                        completion.completedAt));
        Log.infof(
                "Session %s of plan %s completed: %d of %d sets",
                date, plan.id, completion.setsLogged, completion.setsPrescribed);
        return new Logged<>(completion, true);
    }

    /** What the check-in page offers on a morning: a form only the morning after a session day, once. */
    public record CheckInMorning(LocalDate morning, boolean hasPlan, boolean sessionBefore, boolean checkedIn) {

        /** Whether a check-in can be sent this morning. */
        public boolean open() {
            return hasPlan && sessionBefore && !checkedIn;
        }

        /** The session day this morning looks back on. */
        public LocalDate sessionDay() {
            return morning.minusDays(1);
        }
    }

    /** Whether the morning {@code morning} follows a session day of the patient's current plan, and is not checked in yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CheckInMorning checkInMorning(String patientId, LocalDate morning) {
        Plan plan = plans.currentOf(patientId).orElse(null);
        if (plan == null) {
            return new CheckInMorning(morning, false, false, false);
        }
        return new CheckInMorning(
                morning,
                true,
                plan.schedule().isSessionDay(morning.minusDays(1)),
                checkIns.of(patientId, morning).isPresent());
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
            throw new InvalidInputException(
                    422,
                    "no-session-before",
                    "date",
                    "There was no session the day before ("
                            + input.date().minusDays(1).format(DAY)
                            + "), so there is nothing to check in for on "
                            + input.date().format(DAY)
                            + ": the morning check-in is for the morning after a session");
        }
        MorningCheckIn checkIn = new MorningCheckIn();
        checkIn.id = input.id();
        checkIn.patientId = patientId;
        checkIn.planId = plan.id;
        checkIn.date = input.date();
        checkIn.pain = input.pain();
        checkIn.loggedAt = now();
        if (!checkIns.insertIfAbsent(checkIn)) {
            // The same check-in (a resend racing this one) or another one for that morning committed first.
            MorningCheckIn first = checkIns.findById(input.id());
            if (first == null) {
                throw new ConflictException("already-checked-in", "There is already a check-in for " + input.date());
            }
            if (!first.patientId.equals(patientId)) {
                throw new ConflictException("id-taken", "Check-in id " + input.id() + " is taken");
            }
            return new Logged<>(first, false);
        }
        outbox.add(
                Topics.SET_EVENTS,
                patientId,
                EventTypes.MORNING_CHECK_IN,
                new MorningCheckInLogged(
                        checkIn.id, patientId, plan.clinicId, plan.id, checkIn.date, checkIn.pain, checkIn.loggedAt));
        return new Logged<>(checkIn, true);
    }

    /** Now, at PostgreSQL's precision (microseconds, UTC). */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private Plan ownPlan(String patientId, UUID planId) {
        return plans.findByIdOptional(planId)
                .filter(plan -> plan.patientId.equals(patientId))
                .orElseThrow(() -> new NotFoundException("Plan " + planId));
    }
}
