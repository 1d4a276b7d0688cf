package org.backstrong.planner.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.backstrong.planner.progress.PatientOutcomes;
import org.backstrong.planner.progress.PatientOutcomesApi;
import org.backstrong.planner.progress.UnknownToProgress;

/**
 * The clinician's outcome charts of one patient: progress-service's courses per measure (read with the
 * clinician's token), each drawn on the server as an SVG (scores over time, the baseline, the line of the
 * clinically important change) with the verdict in words and the scores as a table; no script.
 */
@ApplicationScoped
public class PatientOutcomeCharts {

    /** The page's outcome section: {@code unavailable} when progress could not answer (the page says so). */
    public record OutcomeSection(boolean unavailable, List<MeasureChart> measures) {}

    /** One measure: its chart, the verdict in words, and each response as a line of the table. */
    public record MeasureChart(
            String measure, String chart, String verdict, Boolean clinicallyImportant, List<ScoreLine> scores) {}

    public record ScoreLine(String date, String occasion, String score) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final int WIDTH = SvgChart.WIDTH;
    private static final int HEIGHT = 180;
    private static final int LEFT = 30;
    private static final int RIGHT = 40;
    private static final int TOP = 22;
    private static final int BOTTOM = 24;

    private final PatientOutcomesApi progress;

    public PatientOutcomeCharts(@RestClient PatientOutcomesApi progress) {
        this.progress = progress;
    }

    /** The patient's charts; none when progress knows nothing of the patient; unavailable when it cannot answer. */
    public OutcomeSection of(String patientId) {
        try {
            PatientOutcomes answer = progress.of(patientId);
            List<PatientOutcomes.Measure> measures =
                    answer == null || answer.measures() == null ? List.of() : answer.measures();
            return new OutcomeSection(
                    false,
                    measures.stream()
                            .filter(measure -> measure.measure() != null
                                    && measure.baseline() != null
                                    && measure.baseline().score() != null
                                    && measure.scaleMax() != null)
                            .map(PatientOutcomeCharts::measureChart)
                            .toList());
        } catch (UnknownToProgress e) {
            return new OutcomeSection(false, List.of());
        } catch (RuntimeException e) {
            Log.warnf("progress-service unavailable for patient %s's outcomes: %s", patientId, e.getMessage());
            return new OutcomeSection(true, List.of());
        }
    }

    static MeasureChart measureChart(PatientOutcomes.Measure measure) {
        List<PatientOutcomes.Score> scores = scores(measure);
        String verdict = measure.reason() != null
                ? measure.reason()
                : measure.measure() + " " + number(measure.baseline().score()) + " at baseline";
        return new MeasureChart(
                measure.measure(),
                chart(measure, scores, verdict),
                verdict,
                measure.clinicallyImportant(),
                scores.stream()
                        .map(score -> new ScoreLine(
                                score.completedOn() == null ? "–" : DAY.format(score.completedOn()),
                                occasion(score.occasion()),
                                number(score.score())))
                        .toList());
    }

    /** The baseline, then the follow-ups that have a score and a day, in the order progress gave them. */
    private static List<PatientOutcomes.Score> scores(PatientOutcomes.Measure measure) {
        List<PatientOutcomes.Score> scores = new ArrayList<>();
        scores.add(measure.baseline());
        if (measure.followUps() != null) {
            measure.followUps().stream()
                    .filter(score -> score != null && score.score() != null)
                    .forEach(scores::add);
        }
        return scores;
    }

    /**
     * Scores over time on the measure's whole scale (0 at the bottom), days spaced as they fell; a dashed line
     * at the baseline and a dotted one where the clinically important change lies, each named in its title.
     */
    static String chart(PatientOutcomes.Measure measure, List<PatientOutcomes.Score> scores, String verdict) {
        double max =
                measure.scaleMax().doubleValue() <= 0 ? 1 : measure.scaleMax().doubleValue();
        String title = measure.measure() + " over time (0 to " + number(measure.scaleMax()) + ", "
                + (measure.higherIsBetter() ? "higher" : "lower") + " is better): " + verdict;
        StringBuilder svg = new StringBuilder()
                .append("<svg class=\"chart outcome\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(SvgChart.escape(title))
                .append("\"><title>")
                .append(SvgChart.escape(title))
                .append("</title>");
        line(svg, "axis", LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, null, null);
        line(svg, "axis", LEFT, TOP, LEFT, HEIGHT - BOTTOM, null, null);
        text(svg, LEFT - 4, TOP + 5, "end", number(measure.scaleMax()));
        text(svg, LEFT - 4, HEIGHT - BOTTOM, "end", "0");
        double baseline = measure.baseline().score().doubleValue();
        double baselineY = y(baseline, max);
        line(
                svg,
                "baseline",
                LEFT,
                baselineY,
                WIDTH - RIGHT,
                baselineY,
                "4 3",
                "Baseline: " + number(measure.baseline().score()));
        text(svg, WIDTH - RIGHT + 3, baselineY + 4, "start", "base");
        Double important = importantLevel(measure);
        if (important != null) {
            double importantY = y(important, max);
            line(
                    svg,
                    "mcid",
                    LEFT,
                    importantY,
                    WIDTH - RIGHT,
                    importantY,
                    "1 3",
                    "Clinically important change: " + number(BigDecimal.valueOf(important)) + " or "
                            + (measure.higherIsBetter() ? "higher" : "lower"));
            text(svg, WIDTH - RIGHT + 3, importantY + 4, "start", "MCID");
        }
        LocalDate first = scores.get(0).completedOn();
        LocalDate last = scores.get(scores.size() - 1).completedOn();
        long span = first == null || last == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(first, last));
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < scores.size(); i++) {
            PatientOutcomes.Score score = scores.get(i);
            double x = x(score.completedOn(), first, span, i, scores.size());
            double y = y(score.score().doubleValue(), max);
            path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            dots.append(String.format(
                    Locale.ROOT,
                    "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"><title>%s (%s): %s</title></circle>",
                    x,
                    y,
                    score.completedOn() == null ? "–" : DAY.format(score.completedOn()),
                    SvgChart.escape(occasion(score.occasion())),
                    number(score.score())));
        }
        if (scores.size() > 1) {
            svg.append("<path class=\"line\" d=\"").append(path).append("\"/>");
        }
        if (first != null) {
            text(svg, LEFT + 4, HEIGHT - BOTTOM + 17, "start", SHORT_DAY.format(first));
        }
        if (last != null && span > 0) {
            text(svg, WIDTH - RIGHT, HEIGHT - BOTTOM + 17, "end", SHORT_DAY.format(last));
        }
        return svg.append(dots).append("</svg>").toString();
    }

    /**
     * The score at which the change from baseline becomes clinically important: the points, or 30 % of the
     * baseline when that is the smaller improvement and the measure has a percentage rule; on the scale.
     */
    static Double importantLevel(PatientOutcomes.Measure measure) {
        Map<String, Object> numbers = measure.numbers() == null ? Map.of() : measure.numbers();
        Double points = decimal(numbers.get("pointsThreshold"));
        if (points == null) {
            return null;
        }
        double baseline = measure.baseline().score().doubleValue();
        Double percent = decimal(numbers.get("percentThreshold"));
        double needed = percent != null && baseline > 0 ? Math.min(points, baseline * percent / 100) : points;
        double level = measure.higherIsBetter() ? baseline + needed : baseline - needed;
        return Math.max(0, Math.min(measure.scaleMax().doubleValue(), level));
    }

    private static Double decimal(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return null;
    }

    private static double x(LocalDate day, LocalDate first, long span, int index, int count) {
        double width = WIDTH - LEFT - RIGHT - 16;
        if (span > 0 && day != null) {
            return LEFT + 8 + width * ChronoUnit.DAYS.between(first, day) / span;
        }
        return count == 1 ? LEFT + 8 + width / 2 : LEFT + 8 + width * index / (count - 1);
    }

    private static double y(double value, double max) {
        return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * value / max;
    }

    private static void line(
            StringBuilder svg, String type, double x1, double y1, double x2, double y2, String dashes, String title) {
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"%s>",
                type,
                x1,
                y1,
                x2,
                y2,
                // Drawn by attributes: the page's style sheet knows only the axis, the line and the dots.
                dashes == null
                        ? ""
                        : " stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"" + dashes + "\""));
        if (title != null) {
            svg.append("<title>").append(SvgChart.escape(title)).append("</title>");
        }
        svg.append("</line>");
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String text) {
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>",
                x,
                y,
                anchor,
                SvgChart.escape(text)));
    }

    private static String occasion(String occasion) {
        if (occasion == null) {
            return "response";
        }
        return switch (occasion) {
            case "BASELINE" -> "baseline";
            case "FOLLOW_UP" -> "follow-up";
            case "END_OF_PLAN" -> "end of plan";
            default -> occasion.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /** 14, 6.3: as the measure's score is written. */
    private static String number(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        BigDecimal rounded = value.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
    }
}
