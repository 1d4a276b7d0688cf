package org.backstrong.planner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The clinician's patient page draws progress-service's outcome measures (read with the clinician's token):
 * an accessible SVG per measure with the scores over time, the baseline and the clinically important change,
 * and the verdict in words; without progress the page still shows, and says so.
 */
@QuarkusTest
class ClinicPatientOutcomesPageTest {

    private static final String OUTCOMES = """
            {"patientId": "%s", "somethingNew": 1, "measures": [
              {"measure": "NPRS", "scaleMax": 10, "higherIsBetter": false,
               "baseline": {"outcomeId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c10", "occasion": "BASELINE",
                            "dueOn": "2026-03-02", "completedOn": "2026-03-02", "score": 6},
               "followUps": [], "latest": null, "rule": "NO_FOLLOW_UP_YET", "clinicallyImportant": null,
               "numbers": {"baseline": 6, "pointsThreshold": 2, "percentThreshold": 30, "higherIsBetter": false},
               "reason": "NPRS 6 at baseline: no follow-up yet"},
              {"measure": "RMDQ", "scaleMax": 24, "higherIsBetter": false,
               "baseline": {"outcomeId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c01", "occasion": "BASELINE",
                            "dueOn": "2026-03-02", "completedOn": "2026-03-02", "score": 14},
               "followUps": [
                 {"outcomeId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c02", "occasion": "FOLLOW_UP",
                  "dueOn": "2026-03-16", "completedOn": "2026-03-17", "score": 11},
                 {"outcomeId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c03", "occasion": "END_OF_PLAN",
                  "dueOn": "2026-03-30", "completedOn": "2026-03-30", "score": 8}],
               "latest": {"outcomeId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c03", "occasion": "END_OF_PLAN",
                          "dueOn": "2026-03-30", "completedOn": "2026-03-30", "score": 8},
               "rule": "IMPROVED_BY_POINTS", "clinicallyImportant": true,
               "numbers": {"baseline": 14, "latest": 8, "change": -6, "improvement": 6, "percent": 42.9,
                           "pointsThreshold": 5, "percentThreshold": 30, "higherIsBetter": false},
               "reason": "RMDQ 14 → 8: improved by 6 points (43 %%), clinically important (≥ 5 points)"},
              {"measure": "PSFS", "scaleMax": 10, "higherIsBetter": true,
               "baseline": {"outcomeId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c20", "occasion": "BASELINE",
                            "dueOn": "2026-03-02", "completedOn": "2026-03-02", "score": 3},
               "followUps": [
                 {"outcomeId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c21", "occasion": "FOLLOW_UP",
                  "dueOn": "2026-03-16", "completedOn": "2026-03-16", "score": 4.3}],
               "latest": {"outcomeId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c21", "occasion": "FOLLOW_UP",
                          "dueOn": "2026-03-16", "completedOn": "2026-03-16", "score": 4.3},
               "rule": "BELOW_IMPORTANT_CHANGE", "clinicallyImportant": false,
               "numbers": {"baseline": 3, "latest": 4.3, "change": 1.3, "improvement": 1.3, "percent": 43.3,
                           "pointsThreshold": 2, "percentThreshold": null, "higherIsBetter": true},
               "reason": "PSFS 3 → 4.3: improved by 1.3 points (43 %%), not clinically important (needs ≥ 2 points)"}]}
            """;

    @Test
    void drawsEachMeasureWithItsBaselineItsImportantChangeAndTheVerdictInWords() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/patients/" + patient.id() + "/outcomes"))
                        .willReturn(ProgressStub.json(200, OUTCOMES.formatted(patient.id()))));
        String clara = Clinic.clara();
        Document page = Pages.page(clara, "/app/clinic/patients/" + patient.id());

        assertEquals(
                List.of("NPRS", "RMDQ", "PSFS"),
                page.select("[data-testid=outcome]").eachAttr("data-measure"));
        Element rmdq = page.selectFirst("[data-testid=outcome][data-measure=RMDQ]");
        assertNotNull(rmdq, page.select("[data-testid=outcomes]").toString());
        assertEquals(
                "RMDQ 14 → 8: improved by 6 points (43 %), clinically important (≥ 5 points)",
                rmdq.selectFirst("[data-testid=outcome-verdict]").text());
        Element chart = rmdq.selectFirst("svg.chart[role=img]");
        assertNotNull(chart);
        assertEquals(
                "RMDQ over time (0 to 24, lower is better): RMDQ 14 → 8: improved by 6 points (43 %), clinically"
                        + " important (≥ 5 points)",
                chart.attr("aria-label"));
        assertEquals(
                List.of("2 Mar 2026 (baseline): 14", "17 Mar 2026 (follow-up): 11", "30 Mar 2026 (end of plan): 8"),
                chart.select("circle.dot > title").eachText());
        assertEquals("Baseline: 14", chart.selectFirst("line.baseline > title").text());
        // 30 % of 14 (4.2) is a smaller improvement than 5 points: that is the line to cross.
        assertEquals(
                "Clinically important change: 9.8 or lower",
                chart.selectFirst("line.mcid > title").text());
        assertNotNull(chart.selectFirst("path.line"), "a line through the three scores");
        assertEquals(
                List.of(
                        "2 Mar 2026",
                        "baseline",
                        "14",
                        "17 Mar 2026",
                        "follow-up",
                        "11",
                        "30 Mar 2026",
                        "end of plan",
                        "8"),
                rmdq.nextElementSibling().select("tbody td").eachText());

        Element psfs = page.selectFirst("[data-testid=outcome][data-measure=PSFS] svg.chart");
        assertEquals(
                "Clinically important change: 5 or higher",
                psfs.selectFirst("line.mcid > title").text());
        Element nprs = page.selectFirst("[data-testid=outcome][data-measure=NPRS]");
        assertEquals(
                "NPRS 6 at baseline: no follow-up yet",
                nprs.selectFirst("[data-testid=outcome-verdict]").text());
        assertNull(nprs.selectFirst("path.line"), "one score is a dot, not a line");
        assertEquals(1, nprs.select("circle.dot").size());

        assertTrue(page.select("[data-testid=outcomes-unavailable]").isEmpty());
        ProgressStub.server()
                .verify(getRequestedFor(urlPathEqualTo("/patients/" + patient.id() + "/outcomes"))
                        .withHeader("Authorization", equalTo("Bearer " + clara)));
    }

    @Test
    void thePageStillShowsWhenProgressCannotGiveTheOutcomes() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/patients/" + patient.id() + "/outcomes"))
                        .willReturn(aResponse().withStatus(503)));
        Document page = Pages.page(Clinic.clara(), "/app/clinic/patients/" + patient.id());
        assertNotNull(page.selectFirst("[data-testid=outcomes-unavailable]"));
        assertTrue(page.select("[data-testid=outcome]").isEmpty());
        assertNotNull(page.selectFirst("[data-testid=current-plan]"));
    }

    @Test
    void saysSoWhenProgressKnowsNoOutcomeOfThePatient() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Document page = Pages.page(Clinic.clara(), "/app/clinic/patients/" + patient.id());
        assertNotNull(page.selectFirst("[data-testid=outcomes-empty]"), "progress answers 404 by default");
        assertTrue(page.select("[data-testid=outcomes-unavailable]").isEmpty());
    }
}
