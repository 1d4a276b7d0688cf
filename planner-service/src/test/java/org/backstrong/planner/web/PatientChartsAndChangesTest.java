package org.backstrong.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.backstrong.planner.event.PrescriptionData;

/** The charts and the plan's changes as a phone shows them to the patient. */
class PatientChartsAndChangesTest {

    private static final Pattern LABEL =
            Pattern.compile("<text x=\"([0-9.]+)\" y=\"([0-9]+)\" text-anchor=\"middle\">W");

    @Test
    void aLineOfOneWeekIsABarWithItsNumber() {
        String svg = SvgChart.line("Mean pain", List.of(new SvgChart.Point("W47", 3.5)), 10);
        assertFalse(svg.contains("<circle"), svg);
        assertTrue(svg.contains("<rect class=\"bar\""), svg);
        assertTrue(svg.contains(">3.5</text>"), svg);
    }

    @Test
    void aLineOfSeveralWeeksIsALineWithTheirNumbers() {
        String svg = SvgChart.line(
                "Mean pain",
                List.of(
                        new SvgChart.Point("W46", 2.0),
                        new SvgChart.Point("W47", null),
                        new SvgChart.Point("W48", 3.0)),
                10);
        assertTrue(svg.contains("<path class=\"line\""), svg);
        assertTrue(svg.contains("class=\"value\"") && svg.contains(">3</text>"), svg);
    }

    @Test
    void crowdedWeeksAreLabelledSparselyEnoughNotToOverlap() {
        List<SvgChart.Point> weeks = new ArrayList<>();
        for (int week = 1; week <= 26; week++) {
            weeks.add(new SvgChart.Point("W" + week, (double) week));
        }
        Matcher labels = LABEL.matcher(SvgChart.bars("Sets", weeks, null));
        double previous = -1000;
        int count = 0;
        while (labels.find()) {
            double x = Double.parseDouble(labels.group(1));
            assertTrue(x - previous >= 34, "labels at " + previous + " and " + x + " would overlap");
            previous = x;
            count++;
        }
        assertTrue(count >= 6, "still labelled: " + count);
    }

    @Test
    void aChangeIsToldWithoutIdsOrSlugs() {
        assertEquals(
                "Paused because of pain (pain 7 during set 1); your clinician will review it.",
                PlainChange.why(
                        "Paused because of pain (pain 7 during set 1, STOP flag b99c7d06-1f2e-4a7b-9c3d-0123456789ab);"
                                + " your clinician will review it.",
                        false));
        assertEquals(
                "Exercise paused by your clinician.",
                PlainChange.why("Exercise paused by your clinician (b99c7d06-1f2e-4a7b-9c3d-0123456789ab).", false));
        String suggested = "You did all 3 sets. Suggested next: suspended-row.";
        assertTrue(PlainChange.suggestsVariant(suggested));
        assertEquals(
                "You did all 3 sets. Your clinician may move you on to a harder version of this exercise.",
                PlainChange.why(suggested, true));
    }

    @Test
    void theDoseChangeIsInWords() {
        PrescriptionData before = new PrescriptionData(
                "reps",
                1,
                3,
                8,
                12,
                null,
                null,
                null,
                false,
                "kg",
                new BigDecimal("15.0"),
                null,
                new BigDecimal("5"),
                90,
                null);
        PrescriptionData after = new PrescriptionData(
                "reps",
                2,
                3,
                8,
                12,
                null,
                null,
                null,
                false,
                "kg",
                new BigDecimal("15.0"),
                null,
                new BigDecimal("5"),
                90,
                null);
        assertEquals("1 set of 8–12 reps, 15 kg → 2 sets of 8–12 reps, 15 kg", PlainChange.dose(before, after));
        assertNull(PlainChange.dose(before, before), "nothing to say when the dose stayed");
        assertEquals("Lat Pulldown: your plan was adjusted", PlainChange.what("Lat Pulldown", true));
        assertEquals("Your clinician changed your plan", PlainChange.what(null, false));
    }
}
