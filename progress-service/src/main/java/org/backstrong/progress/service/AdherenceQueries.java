package org.backstrong.progress.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.backstrong.progress.config.ProgressConfig;
import org.backstrong.progress.domain.AdherenceGrouping;
import org.backstrong.progress.domain.DuePeriod;
import org.backstrong.progress.domain.PainBand;
import org.backstrong.progress.domain.PainImprovement;
import org.backstrong.progress.domain.SmallGroups;
import org.backstrong.progress.repository.AdherenceReadModel;
import org.backstrong.progress.repository.AdherenceReadModel.Totals;

/** The analysts' questions: adherence by week, patient, template or exercise; who is at risk; whose pain improved. */
@ApplicationScoped
public class AdherenceQueries {

    /**
     * Counts and percentages of one group. A row of one patient (a pseudonym) carries pain only as
     * bands ({@link PainBand}: meanPain and peakPain null); a row of a group carries the numbers.
     */
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

    /**
     * The rows shown and how many groups were left out for counting fewer patients than the
     * minimum: rows of a grouping, or 1 for single patients drawn from too few (their number is
     * itself a small group's count, so it is not given).
     */
    public record Summary(List<Row> rows, long suppressed) {}

    /** A patient (pseudonym) under the at-risk share; no clinic, so a row does not narrow who it is. */
    public record AtRisk(String patient, long sessionsScheduled, long sessionsCompleted, BigDecimal adherencePercent) {}

    /** At-risk patients, unless they are drawn from fewer patients than the minimum ({@code suppressed} is then 1: that group). */
    public record AtRiskList(List<AtRisk> rows, long suppressed) {}

    /** The share whose pain improved; every number null when fewer patients than the minimum had pain twice. */
    public record Improvement(Long patients, Long improved, BigDecimal improvedPercent, boolean suppressed) {}

    /** The at-risk window: the four ISO weeks ending with the week of the reference date. */
    static final int AT_RISK_WEEKS = 4;

    private final AdherenceReadModel adherence;
    private final Pseudonyms pseudonyms;
    private final ProgressConfig.Adherence config;
    private final Clock clock;
    private final SmallGroups smallGroups;

    public AdherenceQueries(AdherenceReadModel adherence, Pseudonyms pseudonyms, ProgressConfig config, Clock clock) {
        this.adherence = adherence;
        this.pseudonyms = pseudonyms;
        this.config = config.adherence();
        this.clock = clock;
        this.smallGroups = new SmallGroups(this.config.minimumGroupSize());
    }

    /**
     * The weeks that contain {@code from} and {@code to}, and every week between, as far as they were
     * due ({@link DuePeriod}): up to {@code to} or today, whichever is earlier.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Summary summary(List<String> clinics, LocalDate from, LocalDate to, AdherenceGrouping grouping) {
        List<Totals> totals = DuePeriod.of(from, to, today())
                .map(due -> adherence.summary(clinics, due, grouping))
                .orElse(List.of());
        if (grouping == AdherenceGrouping.PATIENT) {
            // Each row is one patient: shown only when the patients of the answer are enough of them.
            if (smallGroups.suppressesPatientsOf(totals.size())) {
                return new Summary(List.of(), 1);
            }
            return new Summary(totals.stream().map(this::patientRow).toList(), 0);
        }
        List<Row> shown = totals.stream()
                .filter(group -> !smallGroups.suppresses(group.patients()))
                .map(group -> row(group, grouping))
                .toList();
        return new Summary(shown, totals.size() - shown.size());
    }

    /** Over the four ISO weeks ending with the week of {@code asOf} (or today, when earlier), as far as they were due. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AtRiskList atRisk(List<String> clinics, LocalDate asOf) {
        DuePeriod due = DuePeriod.weeksEndingWith(AT_RISK_WEEKS, asOf, today());
        List<AdherenceReadModel.PatientSessions> scheduled = adherence.scheduled(clinics, due);
        List<AtRisk> below = scheduled.stream()
                .filter(patient -> patient.completed() < config.atRiskBelow() * patient.scheduled())
                .map(patient -> new AtRisk(
                        pseudonyms.of(patient.patientId()),
                        patient.scheduled(),
                        patient.completed(),
                        percent(patient.completed(), patient.scheduled())))
                .toList();
        // The list is drawn from every patient with sessions due; fewer than the minimum shows none of them.
        if (smallGroups.suppressesPatientsOf(scheduled.size())) {
            // Neither the rows nor how many there are: a count of 1 to 4 patients is a small group's.
            return new AtRiskList(List.of(), 1);
        }
        return new AtRiskList(below, 0);
    }

    /** The smallest group analysts see. */
    public SmallGroups smallGroups() {
        return smallGroups;
    }

    /** Today, by the service's clock (UTC). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Improvement painImprovement(List<String> clinics) {
        List<AdherenceReadModel.PainSpan> spans = adherence.painSpans(clinics);
        if (smallGroups.suppresses(spans.size())) {
            return new Improvement(null, null, null, true);
        }
        long improved = spans.stream()
                .filter(span -> PainImprovement.clinicallyImportant(span.firstWeekMean(), span.latestWeekMean()))
                .count();
        return new Improvement((long) spans.size(), improved, percent(improved, (long) spans.size()), false);
    }

    public int maxRangeDays() {
        return config.maxRangeDays();
    }

    private Row row(Totals totals, AdherenceGrouping grouping) {
        return new Row(
                key(totals.key(), grouping),
                totals.patients(),
                totals.sessionsScheduled(),
                totals.sessionsCompleted(),
                totals.sessionsScheduled() == null
                        ? null
                        : percent(totals.sessionsCompleted(), totals.sessionsScheduled()),
                totals.setsPrescribed(),
                totals.setsLogged(),
                percent(totals.setsLogged(), totals.setsPrescribed()),
                totals.painCount() == 0
                        ? null
                        : BigDecimal.valueOf(totals.painSum())
                                .divide(BigDecimal.valueOf(totals.painCount()), 1, RoundingMode.HALF_UP),
                totals.painPeak(),
                null,
                null);
    }

    /** One patient's row: the pseudonym, the counts, and pain only as bands of the exact mean and the peak. */
    private Row patientRow(Totals totals) {
        Double meanPain = totals.painCount() == 0 ? null : (double) totals.painSum() / totals.painCount();
        return new Row(
                pseudonyms.of(totals.key()),
                totals.patients(),
                totals.sessionsScheduled(),
                totals.sessionsCompleted(),
                totals.sessionsScheduled() == null
                        ? null
                        : percent(totals.sessionsCompleted(), totals.sessionsScheduled()),
                totals.setsPrescribed(),
                totals.setsLogged(),
                percent(totals.setsLogged(), totals.setsPrescribed()),
                null,
                null,
                PainBand.labelOf(meanPain),
                PainBand.labelOf(totals.painPeak()));
    }

    /** Weeks as ISO weeks ("2026-W05"), patients as pseudonyms, templates and exercises as they are. */
    private String key(String key, AdherenceGrouping grouping) {
        return switch (grouping) {
            case WEEK -> isoWeek(LocalDate.parse(key));
            case PATIENT -> pseudonyms.of(key);
            case TEMPLATE -> key.isEmpty() ? "(none)" : key;
            case EXERCISE -> key;
        };
    }

    static String isoWeek(LocalDate monday) {
        return String.format(
                "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** A share as a percentage with one decimal; null when there is nothing to share. */
    static BigDecimal percent(Long part, Long whole) {
        if (part == null || whole == null || whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
