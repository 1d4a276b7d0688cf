package org.backstrong.progress.domain.progression;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * One load step up in kilograms. ACSM (2009) adds 2–10 % once the top of the range is done with
 * reps to spare: the load times (1 + step %), to the nearest half kilo, the smallest step dumbbells
 * and plates allow. On a light load the step asked for is less than that half kilo (2 kg + 5 % is
 * 2.1 kg), so the load goes up by the smallest step all the same, even when that is more than 10 %
 * (2 kg to 2.5 kg is +25 %): otherwise a light load could never grow. The reason says so.
 *
 * @param askedPercent the step the prescription asks for (the default when it names none)
 * @param smallestStep the step asked for is less than the smallest step, which is taken instead
 */
public record LoadStep(BigDecimal fromKg, BigDecimal toKg, BigDecimal askedPercent, boolean smallestStep) {

    /** The architecture page's default load step when a prescription names none. */
    public static final BigDecimal DEFAULT_STEP_PERCENT = new BigDecimal("5");
    /** Dumbbells and plates go up in half kilos. */
    public static final BigDecimal SMALLEST_PLATE = new BigDecimal("0.5");
    /** The most ACSM (2009) advises in one step; the smallest step may go beyond it on a light load. */
    public static final BigDecimal MOST_ADVISED_PERCENT = new BigDecimal("10");

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** The load one step up, to the nearest half kilo, and always at least half a kilo more (in half kilos). */
    public static LoadStep up(BigDecimal load, BigDecimal stepPercent) {
        BigDecimal percent = stepPercent == null ? DEFAULT_STEP_PERCENT : stepPercent;
        BigDecimal asked = load.multiply(percent).divide(HUNDRED);
        BigDecimal rounded =
                load.add(asked).divide(SMALLEST_PLATE, 0, RoundingMode.HALF_UP).multiply(SMALLEST_PLATE);
        // A load between half kilos (2.25 kg) goes up to a half kilo too, not to 2.75 kg.
        BigDecimal atLeast = load.add(SMALLEST_PLATE)
                .divide(SMALLEST_PLATE, 0, RoundingMode.CEILING)
                .multiply(SMALLEST_PLATE);
        return new LoadStep(
                load,
                rounded.max(atLeast).setScale(1, RoundingMode.UNNECESSARY),
                percent,
                asked.compareTo(SMALLEST_PLATE) < 0);
    }

    /** How much heavier, as a share of the load before, with one decimal; null from nothing. */
    public BigDecimal percent() {
        if (fromKg.signum() == 0) {
            return null;
        }
        return toKg.subtract(fromKg).multiply(HUNDRED).divide(fromKg, 1, RoundingMode.HALF_UP);
    }

    /** More than ACSM's 10 % in one step (only ever the smallest step on a light load). */
    public boolean aboveTheAdvisedRange() {
        return percent() != null && percent().compareTo(MOST_ADVISED_PERCENT) > 0;
    }

    /** "from 2 kg to 2.5 kg (+25 %, the smallest step)", "from 20 kg to 21 kg (+5 %)". */
    public String inWords() {
        String change = percent() == null
                ? ""
                : "+" + percent().setScale(0, RoundingMode.HALF_UP).toPlainString() + " %";
        String step = smallestStep ? "the smallest step" : "";
        String both = change.isEmpty() || step.isEmpty() ? change + step : change + ", " + step;
        return "from " + kg(fromKg) + " to " + kg(toKg) + " (" + both + ")";
    }

    /** The numbers a decision records about the step. */
    public Evidence.LoadStepTaken evidence() {
        return new Evidence.LoadStepTaken(
                fromKg, toKg, askedPercent, percent(), SMALLEST_PLATE, smallestStep, aboveTheAdvisedRange());
    }

    /**
     * The load one step down: divided by (1 + step %), to the nearest half kilo, always at least half
     * a kilo less, and never below nothing.
     */
    static BigDecimal previousLoad(BigDecimal load, BigDecimal stepPercent) {
        BigDecimal percent = stepPercent == null ? DEFAULT_STEP_PERCENT : stepPercent;
        BigDecimal lowered = load.divide(BigDecimal.ONE.add(percent.movePointLeft(2)), MathContext.DECIMAL64);
        BigDecimal rounded =
                lowered.divide(SMALLEST_PLATE, 0, RoundingMode.HALF_UP).multiply(SMALLEST_PLATE);
        BigDecimal atMost = load.subtract(SMALLEST_PLATE)
                .divide(SMALLEST_PLATE, 0, RoundingMode.FLOOR)
                .multiply(SMALLEST_PLATE);
        return rounded.min(atMost).max(BigDecimal.ZERO).setScale(1, RoundingMode.UNNECESSARY);
    }

    static String kg(BigDecimal load) {
        return load.stripTrailingZeros().toPlainString() + " kg";
    }
}
