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
import org.backstrong.progress.domain.DuePeriod;
import org.backstrong.progress.domain.PainImprovement;
import org.backstrong.progress.repository.AdherenceRepository;
import org.backstrong.progress.repository.AdherenceRepository.Grouping;
import org.backstrong.progress.repository.AdherenceRepository.Totals;

/** The analysts' questions: adherence by week, patient, template or exercise; who is at risk; whose pain improved. */
@ApplicationScoped
public class AdherenceQueries {

    /** Counts and percentages of one group; patients appear only as pseudonyms. */
    public record Row(String key, long patients, Long sessionsScheduled, Long sessionsCompleted,
            BigDecimal sessionAdherencePercent, long setsPrescribed, long setsLogged, BigDecimal setAdherencePercent,
            BigDecimal meanPain, Integer peakPain) {
    }

    public record AtRisk(String patient, String clinicId, long sessionsScheduled, long sessionsCompleted,
            BigDecimal adherencePercent) {
    }

    public record Improvement(long patients, long improved, BigDecimal improvedPercent) {
    }

    /** The at-risk window: the four ISO weeks ending with the week of the reference date. */
    static final int AT_RISK_WEEKS = 4;

    private final AdherenceRepository adherence;
    private final Pseudonyms pseudonyms;
    private final ProgressConfig.Adherence config;
    private final Clock clock;

    public AdherenceQueries(AdherenceRepository adherence, Pseudonyms pseudonyms, ProgressConfig config, Clock clock) {
        this.adherence = adherence;
        this.pseudonyms = pseudonyms;
        this.config = config.adherence();
        this.clock = clock;
    }

    /**
     * The weeks that contain {@code from} and {@code to}, and every week between, as far as they were
     * due ({@link DuePeriod}): up to {@code to} or today, whichever is earlier.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Row> summary(String clinicId, LocalDate from, LocalDate to, Grouping grouping) {
        return DuePeriod.of(from, to, today()).map(due -> adherence.summary(clinicId, due, grouping)).orElse(List.of())
                .stream()
                .map(totals -> row(totals, grouping))
                .toList();
    }

    /** Over the four ISO weeks ending with the week of {@code asOf} (or today, when earlier), as far as they were due. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AtRisk> atRisk(String clinicId, LocalDate asOf) {
        DuePeriod due = DuePeriod.weeksEndingWith(AT_RISK_WEEKS, asOf, today());
        return adherence.below(clinicId, due, config.atRiskBelow()).stream()
                .map(patient -> new AtRisk(pseudonyms.of(patient.patientId()), patient.clinicId(), patient.scheduled(),
                        patient.completed(), percent(patient.completed(), patient.scheduled())))
                .toList();
    }

    /** Today, by the service's clock (UTC). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Improvement painImprovement(String clinicId) {
        List<AdherenceRepository.PainSpan> spans = adherence.painSpans(clinicId);
        long improved = spans.stream()
                .filter(span -> PainImprovement.clinicallyImportant(span.firstWeekMean(), span.latestWeekMean()))
                .count();
        return new Improvement(spans.size(), improved, percent(improved, (long) spans.size()));
    }

    public int maxRangeDays() {
        return config.maxRangeDays();
    }

    private Row row(Totals totals, Grouping grouping) {
        return new Row(key(totals.key(), grouping), totals.patients(), totals.sessionsScheduled(),
                totals.sessionsCompleted(),
                totals.sessionsScheduled() == null ? null : percent(totals.sessionsCompleted(), totals.sessionsScheduled()),
                totals.setsPrescribed(), totals.setsLogged(), percent(totals.setsLogged(), totals.setsPrescribed()),
                totals.painCount() == 0 ? null
                        : BigDecimal.valueOf(totals.painSum()).divide(BigDecimal.valueOf(totals.painCount()), 1,
                                RoundingMode.HALF_UP),
                totals.painPeak());
    }

    /** Weeks as ISO weeks ("2026-W05"), patients as pseudonyms, templates and exercises as they are. */
    private String key(String key, Grouping grouping) {
        return switch (grouping) {
            case WEEK -> isoWeek(LocalDate.parse(key));
            case PATIENT -> pseudonyms.of(key);
            case TEMPLATE -> key.isEmpty() ? "(none)" : key;
            case EXERCISE -> key;
        };
    }

    static String isoWeek(LocalDate monday) {
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** A share as a percentage with one decimal; null when there is nothing to share. */
    static BigDecimal percent(Long part, Long whole) {
        if (part == null || whole == null || whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
