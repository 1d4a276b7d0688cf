package org.backstrong.planner.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * progress-service's adherence answers, as the analysts' pages read them: over the analyst's own
 * clinics only (clinic_ids), patients only as pseudonyms, and no group of fewer than
 * {@code minimumGroupSize} patients ({@code suppressed} counts what was left out, {@code note} says so).
 */
public final class Adherence {

    private Adherence() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(
            String clinic,
            List<String> clinics,
            LocalDate from,
            LocalDate to,
            String groupBy,
            List<Row> rows,
            long suppressed,
            int minimumGroupSize,
            String note) {}

    /**
     * One group (a week, a template or an exercise) with its mean and peak pain, or one pseudonymous
     * patient with pain only as bands ("0-2", "3-5", "6-10").
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(
            String key,
            long patients,
            Long sessionsScheduled,
            Long sessionsCompleted,
            BigDecimal sessionAdherencePercent,
            long setsPrescribed,
            long setsLogged,
            BigDecimal setAdherencePercent,
            BigDecimal meanPain,
            Integer peakPain,
            String meanPainBand,
            String peakPainBand) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AtRiskReport(
            String clinic,
            List<String> clinics,
            LocalDate asOf,
            List<AtRisk> rows,
            long suppressed,
            int minimumGroupSize,
            String note) {}

    /** A pseudonymous patient under the at-risk share; no clinic. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AtRisk(String patient, long sessionsScheduled, long sessionsCompleted, BigDecimal adherencePercent) {}

    /** The share of patients whose outcome measure improved clinically, per clinic, template and measure. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResponderReport(List<ResponderShare> rows, long suppressed, String note) {}

    /** One group: patients with a baseline and a follow-up, and those whose latest follow-up was clinically important. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResponderShare(
            String clinic,
            String template,
            String measure,
            long patients,
            long responders,
            BigDecimal responderPercent) {}

    /** The share whose pain improved; the numbers are null when it was suppressed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Improvement(
            Long patients, Long improved, BigDecimal improvedPercent, boolean suppressed, String note) {

        /** Shown, and nobody had pain in two weeks or more yet. */
        public boolean nobodyYet() {
            return !suppressed && patients != null && patients == 0;
        }
    }
}
