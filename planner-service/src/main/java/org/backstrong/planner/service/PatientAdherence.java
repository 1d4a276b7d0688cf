package org.backstrong.planner.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.backstrong.planner.progress.PatientAdherenceApi;
import org.backstrong.planner.progress.PatientWeeks;
import org.backstrong.planner.progress.UnknownToProgress;

/**
 * One patient's adherence per ISO week as progress-service counts it (the analysts' figures), for
 * the clinician's patient page: planner does not count adherence itself, so the two never disagree.
 */
@ApplicationScoped
public class PatientAdherence {

    /** An ISO week by its Monday, as far as it was due; a session is completed at 80 % of its sets logged. */
    public record AdherenceWeek(
            LocalDate monday, long sessionsScheduled, long sessionsCompleted, long setsPrescribed, long setsLogged) {}

    private final PatientAdherenceApi progress;

    public PatientAdherence(@RestClient PatientAdherenceApi progress) {
        this.progress = progress;
    }

    /**
     * The weeks from the one of {@code from} to the last one due by {@code to}; none when progress
     * knows nothing of the patient yet; empty (no figures) when progress cannot answer, so the page
     * still shows without them.
     */
    public Optional<List<AdherenceWeek>> weeks(String patientId, LocalDate from, LocalDate to) {
        try {
            PatientWeeks answer = progress.of(patientId, from.toString(), to.toString());
            List<PatientWeeks.Week> weeks = answer == null || answer.weeks() == null ? List.of() : answer.weeks();
            return Optional.of(weeks.stream()
                    .filter(week -> week.weekStart() != null)
                    .map(week -> new AdherenceWeek(
                            week.weekStart(),
                            week.sessionsScheduled(),
                            week.sessionsCompleted(),
                            week.setsPrescribed(),
                            week.setsLogged()))
                    .toList());
        } catch (UnknownToProgress e) {
            return Optional.of(List.of());
        } catch (RuntimeException e) {
            Log.warnf("progress-service unavailable for patient %s's adherence: %s", patientId, e.getMessage());
            return Optional.empty();
        }
    }
}
