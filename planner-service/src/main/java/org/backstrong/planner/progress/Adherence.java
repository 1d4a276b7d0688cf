package org.backstrong.planner.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** progress-service's adherence answers, as the analysts' pages read them (patients only as pseudonyms). */
public final class Adherence {

    private Adherence() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(String clinic, LocalDate from, LocalDate to, String groupBy, List<Row> rows) {
    }

    /** One group (a week, a pseudonymous patient, a template or an exercise). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(String key, long patients, Long sessionsScheduled, Long sessionsCompleted,
            BigDecimal sessionAdherencePercent, long setsPrescribed, long setsLogged, BigDecimal setAdherencePercent,
            BigDecimal meanPain, Integer peakPain) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AtRisk(String patient, String clinicId, long sessionsScheduled, long sessionsCompleted,
            BigDecimal adherencePercent) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Improvement(long patients, long improved, BigDecimal improvedPercent) {
    }
}
