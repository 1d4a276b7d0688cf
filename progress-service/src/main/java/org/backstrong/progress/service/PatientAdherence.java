package org.backstrong.progress.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.backstrong.progress.config.ProgressConfig;
import org.backstrong.progress.domain.DuePeriod;
import org.backstrong.progress.repository.AdherenceReadModel;
import org.backstrong.progress.repository.AdherenceReadModel.PatientWeek;
import org.backstrong.progress.repository.PlanRepository;

/**
 * One patient's adherence per ISO week, for a clinician of the patient's clinic: the analysts'
 * figures (same projection, same due rule) without pseudonyms or small-group suppression.
 */
@ApplicationScoped
public class PatientAdherence {

    /** One ISO week as far as it was due; a week with nothing scheduled has zeros. */
    public record Week(
            LocalDate weekStart,
            long sessionsScheduled,
            long sessionsCompleted,
            long setsPrescribed,
            long setsLogged) {}

    private final PlanRepository plans;
    private final AdherenceReadModel adherence;
    private final ProgressConfig.Adherence config;
    private final Clock clock;

    public PatientAdherence(PlanRepository plans, AdherenceReadModel adherence, ProgressConfig config, Clock clock) {
        this.plans = plans;
        this.adherence = adherence;
        this.config = config.adherence();
        this.clock = clock;
    }

    /**
     * Every ISO week from the one of {@code from} to the last one due (up to {@code to} or today,
     * whichever is earlier); none when nothing was due yet. Another clinic's patient (or one we have
     * no plan of) is answered as missing, as the timeline does.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Week> weeks(String clinicId, String patientId, LocalDate from, LocalDate to) {
        if (!plans.patientInClinic(patientId, clinicId)) {
            throw new NotFoundException("No such patient");
        }
        return DuePeriod.of(from, to, today()).map(due -> weeks(patientId, due)).orElse(List.of());
    }

    private List<Week> weeks(String patientId, DuePeriod due) {
        Map<LocalDate, PatientWeek> counted = adherence.patientWeeks(patientId, due).stream()
                .collect(Collectors.toMap(PatientWeek::weekStart, Function.identity()));
        List<Week> weeks = new ArrayList<>();
        for (LocalDate monday = due.firstWeek(); !monday.isAfter(due.lastWeek()); monday = monday.plusWeeks(1)) {
            PatientWeek week = counted.get(monday);
            weeks.add(
                    week == null
                            ? new Week(monday, 0, 0, 0, 0)
                            : new Week(
                                    monday,
                                    week.sessionsScheduled(),
                                    week.sessionsCompleted(),
                                    week.setsPrescribed(),
                                    week.setsLogged()));
        }
        return weeks;
    }

    /** Today, by the service's clock (UTC). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The longest date range a query may ask for, as for analysts. */
    public int maxRangeDays() {
        return config.maxRangeDays();
    }
}
