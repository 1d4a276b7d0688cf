package org.backstrong.progress.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.backstrong.progress.domain.Decision;
import org.backstrong.progress.domain.LoggedSet;
import org.backstrong.progress.domain.PainFlag;
import org.backstrong.progress.domain.SessionCompletion;
import org.backstrong.progress.repository.CheckInRepository;
import org.backstrong.progress.repository.DecisionRepository;
import org.backstrong.progress.repository.LoggedSetRepository;
import org.backstrong.progress.repository.PainFlagRepository;
import org.backstrong.progress.repository.PlanRepository;
import org.backstrong.progress.repository.SessionRepository;

/** One patient's story for their clinician: sessions with their sets, check-ins, decisions with reasons, flags. */
@ApplicationScoped
public class Timeline {

    public record View(
            String patientId,
            List<Session> sessions,
            List<CheckIn> checkIns,
            List<DecisionView> decisions,
            List<Flag> flags) {}

    /** A session day: what the plan asked, what was logged; completed is null when no SessionCompleted arrived. */
    public record Session(
            LocalDate date,
            UUID planId,
            Integer setsPrescribed,
            Integer setsLogged,
            Boolean counted,
            List<SetView> sets) {}

    /** A logged set; note is what the patient wrote about it, or null. */
    public record SetView(
            String exerciseId,
            UUID itemId,
            int setNumber,
            String side,
            Integer reps,
            Integer seconds,
            BigDecimal loadKg,
            String band,
            Integer rir,
            BigDecimal rpe,
            int pain,
            boolean beyondNormalFatigue,
            OffsetDateTime loggedAt,
            String note) {}

    public record CheckIn(LocalDate date, int pain, Integer preSessionPain, boolean settled) {}

    public record DecisionView(
            UUID id,
            LocalDate sessionDate,
            UUID itemId,
            String exerciseId,
            String outcome,
            String rule,
            String reason,
            Map<String, Object> inputs,
            RecordedPrescription before,
            RecordedPrescription after,
            String suggestedVariantId,
            OffsetDateTime decidedAt) {}

    public record Flag(
            UUID id,
            UUID itemId,
            String exerciseId,
            String severity,
            String status,
            String rule,
            String evidence,
            OffsetDateTime raisedAt,
            String resolutionNote) {}

    private static final TypeReference<Map<String, Object>> NUMBERS = new TypeReference<>() {};

    private final PlanRepository plans;
    private final LoggedSetRepository sets;
    private final SessionRepository sessions;
    private final CheckInRepository checkIns;
    private final DecisionRepository decisions;
    private final PainFlagRepository flags;
    private final ObjectMapper json;

    public Timeline(
            PlanRepository plans,
            LoggedSetRepository sets,
            SessionRepository sessions,
            CheckInRepository checkIns,
            DecisionRepository decisions,
            PainFlagRepository flags,
            ObjectMapper json) {
        this.plans = plans;
        this.sets = sets;
        this.sessions = sessions;
        this.checkIns = checkIns;
        this.decisions = decisions;
        this.flags = flags;
        this.json = json;
    }

    /** Another clinic's patient (or one we have no plan of) is answered as missing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public View of(String clinicId, String patientId, LocalDate from, LocalDate to) {
        if (!plans.patientInClinic(patientId, clinicId)) {
            throw new NotFoundException("No such patient");
        }
        Map<LocalDate, List<SetView>> setsByDay = new TreeMap<>();
        Map<LocalDate, SessionCompletion> completions = new TreeMap<>();
        for (LoggedSet set : sets.ofPatient(patientId, from, to)) {
            setsByDay
                    .computeIfAbsent(set.sessionDate, day -> new ArrayList<>())
                    .add(new SetView(
                            set.exerciseId,
                            set.itemId,
                            set.setNumber,
                            set.side,
                            set.reps,
                            set.seconds,
                            set.loadKg,
                            set.band,
                            set.rir,
                            set.rpe,
                            set.pain,
                            set.beyondNormalFatigue,
                            set.loggedAt,
                            set.note));
        }
        sessions.ofPatient(patientId, from, to).forEach(session -> completions.put(session.key.sessionDate(), session));
        TreeMap<LocalDate, Session> days = new TreeMap<>();
        setsByDay.forEach((day, logged) -> days.put(day, session(day, completions.get(day), logged)));
        completions.forEach((day, completion) -> days.putIfAbsent(day, session(day, completion, List.of())));
        return new View(
                patientId,
                List.copyOf(days.values()),
                checkIns.ofPatient(patientId, from, to).stream()
                        .map(checkIn ->
                                new CheckIn(checkIn.date, checkIn.pain, checkIn.preSessionPain, checkIn.settled))
                        .toList(),
                decisions.ofPatient(patientId, from, to).stream()
                        .map(this::decision)
                        .toList(),
                flags.ofPatient(patientId).stream().map(Timeline::flag).toList());
    }

    private static Session session(LocalDate day, SessionCompletion completion, List<SetView> logged) {
        UUID planId = completion != null ? completion.key.planId() : null;
        return new Session(
                day,
                planId,
                completion == null ? null : completion.setsPrescribed,
                completion == null ? null : completion.setsLogged,
                completion == null ? null : completion.counted,
                logged);
    }

    private DecisionView decision(Decision decision) {
        return new DecisionView(
                decision.id,
                decision.sessionDate,
                decision.itemId,
                decision.exerciseId,
                decision.outcome.name(),
                decision.rule,
                decision.reason,
                read(decision.inputs, NUMBERS),
                read(decision.beforePrescription, new TypeReference<RecordedPrescription>() {}),
                read(decision.afterPrescription, new TypeReference<RecordedPrescription>() {}),
                decision.suggestedVariantId,
                decision.decidedAt);
    }

    private static Flag flag(PainFlag flag) {
        return new Flag(
                flag.id,
                flag.itemId,
                flag.exerciseId,
                flag.severity.name(),
                flag.status.name(),
                flag.rule,
                flag.evidence,
                flag.raisedAt,
                flag.resolutionNote);
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored decision could not be read", e);
        }
    }
}
