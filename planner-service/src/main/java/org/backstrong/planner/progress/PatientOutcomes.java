package org.backstrong.planner.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What progress-service says of one patient's outcome measures: per measure, the course and its verdict. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientOutcomes(String patientId, List<Measure> measures) {

    /**
     * One measure: the baseline, the follow-ups oldest first, and the verdict on the latest (its rule, whether
     * it is clinically important, null before a follow-up; the numbers the rule read; the verdict in words).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Measure(
            String measure,
            BigDecimal scaleMax,
            boolean higherIsBetter,
            Score baseline,
            List<Score> followUps,
            Score latest,
            String rule,
            Boolean clinicallyImportant,
            Map<String, Object> numbers,
            String reason) {}

    /** One response's score and when it was done. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Score(UUID outcomeId, String occasion, LocalDate dueOn, LocalDate completedOn, BigDecimal score) {}
}
