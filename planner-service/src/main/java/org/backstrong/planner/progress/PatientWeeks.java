package org.backstrong.planner.progress;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What progress-service counts of one patient's adherence, per ISO week as far as it was due. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientWeeks(String patientId, LocalDate from, LocalDate to, List<Week> weeks) {

    /** A week by its Monday; a session is completed at 80 % of its prescribed sets logged. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Week(
            LocalDate weekStart,
            long sessionsScheduled,
            long sessionsCompleted,
            long setsPrescribed,
            long setsLogged) {}
}
