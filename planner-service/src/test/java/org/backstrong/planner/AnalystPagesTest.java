package org.backstrong.planner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.backstrong.testinfra.TestTokens;

/** The analysts' dashboard, against a stub of progress-service's adherence API. */
@QuarkusTest
class AnalystPagesTest {

    static final String ANNA = TestTokens.analyst("33333333-3333-4333-8333-000000000001", "clinic-a", "clinic-b");
    static final String PSEUDONYM = "p-4f1c2a9be0d35a71";

    WireMockServer progress = ProgressStub.server();

    @BeforeEach
    void answers() {
        ProgressStub.reset();
        stub(get(urlPathEqualTo("/adherence")).withQueryParam("groupBy", equalTo("week")), """
                {"clinic":"clinic-a","clinics":["clinic-a"],"from":"2026-09-01","to":"2026-11-24","groupBy":"week",
                 "suppressed":0,"minimumGroupSize":5,"note":null,"rows":[
                 {"key":"2026-W46","patients":6,"sessionsScheduled":9,"sessionsCompleted":6,"sessionAdherencePercent":66.7,
                  "setsPrescribed":90,"setsLogged":61,"setAdherencePercent":67.8,"meanPain":2.1,"peakPain":6},
                 {"key":"2026-W47","patients":6,"sessionsScheduled":9,"sessionsCompleted":3,"sessionAdherencePercent":33.3,
                  "setsPrescribed":90,"setsLogged":30,"setAdherencePercent":33.3,"meanPain":1.5,"peakPain":3}]}""");
        stub(get(urlPathEqualTo("/adherence")).withQueryParam("groupBy", equalTo("patient")), """
                {"clinic":"clinic-a","clinics":["clinic-a"],"from":"2026-09-01","to":"2026-11-24","groupBy":"patient",
                 "suppressed":0,"minimumGroupSize":5,"note":null,"rows":[
                 {"key":"%s","patients":1,"sessionsScheduled":6,"sessionsCompleted":1,"sessionAdherencePercent":16.7,
                  "setsPrescribed":60,"setsLogged":10,"setAdherencePercent":16.7,"meanPain":null,"peakPain":null,
                  "meanPainBand":"0-2","peakPainBand":"3-5"},
                 {"key":"p-2","patients":1,"sessionsScheduled":6,"sessionsCompleted":6,"sessionAdherencePercent":100.0,
                  "setsPrescribed":60,"setsLogged":60,"setAdherencePercent":100.0,"meanPain":null,"peakPain":null,
                  "meanPainBand":"0-2","peakPainBand":"0-2"}]}""".formatted(PSEUDONYM));
        stub(get(urlPathEqualTo("/adherence/at-risk")), """
                {"clinic":"clinic-a","clinics":["clinic-a"],"asOf":"2026-11-24","suppressed":0,"minimumGroupSize":5,"note":null,
                 "rows":[{"patient":"%s","sessionsScheduled":6,"sessionsCompleted":1,"adherencePercent":16.7}]}""".formatted(PSEUDONYM));
        stub(get(urlPathEqualTo("/adherence/pain-improvement")), """
                {"clinic":"clinic-a","clinics":["clinic-a"],"patients":8,"improved":6,"improvedPercent":75.0,
                 "suppressed":false,"minimumGroupSize":5,"note":null}""");
        stub(get(urlPathEqualTo("/adherence/responders")), """
                {"clinic":"clinic-a","clinics":["clinic-a"],"suppressed":0,"minimumGroupSize":5,"note":null,"rows":[
                 {"clinic":"clinic-a","template":"%s","measure":"RMDQ","patients":6,"responders":4,
                  "responderPercent":66.7},
                 {"clinic":"clinic-a","template":"%s","measure":"NPRS","patients":5,"responders":1,
                  "responderPercent":20.0}]}""".formatted(
                        Clinic.BUILT_IN, "0b0b0b0b-0000-4000-8000-00000000dead"));
    }

    @Test
    void showsWeeklyAdherenceTheSpreadTheAtRiskListAndPainImprovement() {
        Document page = Jsoup.parse(given().auth()
                .oauth2(ANNA)
                .when()
                .get("/app/analytics?clinic=clinic-a")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(2, page.select("table[data-testid=weekly] tbody tr").size());
        assertEquals(2, page.select("svg.chart[role=img]").size());
        assertTrue(page.selectFirst("table[data-testid=at-risk]").text().contains(PSEUDONYM));
        assertTrue(page.selectFirst("[data-testid=pain-improvement]").text().contains("75.0 %"));
        // The responder share: a template planner knows by its name, one it does not by its id.
        assertEquals(
                List.of(
                        "clinic-a Back strength — 4 weeks RMDQ 6 4 66.7 %",
                        "clinic-a 0b0b0b0b-0000-4000-8000-00000000dead NPRS 5 1 20.0 %"),
                page.select("table[data-testid=responders] tbody tr").eachText());
        // one patient at 16.7 % (10–19), one at 100 % (90–100)
        assertEquals(
                "0 1 0 0 0 0 0 0 0 1",
                page.select("table[data-testid=distribution] tbody td").eachText().stream()
                        .reduce((a, b) -> a + " " + b)
                        .orElseThrow());
        progress.verify(getRequestedFor(urlPathEqualTo("/adherence"))
                .withQueryParam("clinic", equalTo("clinic-a"))
                .withHeader("Authorization", equalTo("Bearer " + ANNA)));
    }

    @Test
    void downloadsTheCsvAsAnAttachment() {
        stub(
                get(urlPathEqualTo("/adherence"))
                        .withHeader("Accept", com.github.tomakehurst.wiremock.client.WireMock.containing("text/csv")),
                "week,patients\r\n2026-W46,3\r\n",
                "text/csv");
        given().auth()
                .oauth2(ANNA)
                .when()
                .get("/app/analytics/adherence.csv?clinic=clinic-a&groupBy=week")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header(
                        "Content-Disposition",
                        containsString("attachment; filename=\"adherence-clinic-a-by-week.csv\""))
                .body(containsString("2026-W46,3"));
    }

    @Test
    void aRefusedFilterIsShownNamingTheField() {
        stub(get(urlPathEqualTo("/adherence")).withQueryParam("from", equalTo("2020-01-01")), 400, """
                {"type":"https://backstrong.org/problems/invalid-input","title":"Invalid input","status":400,
                 "detail":"from: the range must be at most 730 days","field":"from"}""");
        Document page = Jsoup.parse(given().auth()
                .oauth2(ANNA)
                .when()
                .get("/app/analytics?from=2020-01-01")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertTrue(page.selectFirst("[data-testid=problem]").text().contains("at most 730 days"));
        assertEquals("true", page.selectFirst("input#from").attr("aria-invalid"));
        assertTrue(page.select("table[data-testid=weekly]").isEmpty());
    }

    @Test
    void saysSoWhenProgressIsDown() {
        ProgressStub.reset();
        stub(get(urlPathEqualTo("/adherence")), 503, "{}");
        String html = given().auth()
                .oauth2(ANNA)
                .when()
                .get("/app/analytics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(html.contains("unavailable just now"));
    }

    @Test
    void theDashboardIsForAnalystsOnly() {
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/app/analytics")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Clinic.patient("p"))
                .when()
                .get("/app/analytics/adherence.csv")
                .then()
                .statusCode(403);
        assertFalse(
                progress.getAllServeEvents().stream()
                        .anyMatch(e -> e.getRequest().getUrl().startsWith("/adherence")),
                "nothing was asked of progress-service");
    }

    @Test
    void saysWhatWasSuppressedForCountingFewerThanFivePatients() {
        ProgressStub.reset();
        String note = "%d %s not shown: groups of fewer than 5 patients are suppressed";
        stub(get(urlPathEqualTo("/adherence")).withQueryParam("groupBy", equalTo("week")), """
                {"clinic":null,"clinics":["clinic-a","clinic-b"],"from":"2026-09-01","to":"2026-11-24","groupBy":"week",
                 "rows":[],"suppressed":2,"minimumGroupSize":5,"note":"%s"}""".formatted(
                        note.formatted(2, "weeks are")));
        stub(get(urlPathEqualTo("/adherence")).withQueryParam("groupBy", equalTo("patient")), """
                {"clinic":null,"clinics":["clinic-a","clinic-b"],"from":"2026-09-01","to":"2026-11-24","groupBy":"patient",
                 "rows":[],"suppressed":1,"minimumGroupSize":5,"note":"%s"}""".formatted(
                        note.formatted(1, "group of single patients is")));
        stub(get(urlPathEqualTo("/adherence/at-risk")), """
                {"clinic":null,"clinics":["clinic-a","clinic-b"],"asOf":"2026-11-24","rows":[],"suppressed":1,
                 "minimumGroupSize":5,"note":"%s"}""".formatted(
                        note.formatted(1, "group of single patients is")));
        stub(get(urlPathEqualTo("/adherence/pain-improvement")), """
                {"clinic":null,"clinics":["clinic-a","clinic-b"],"patients":null,"improved":null,"improvedPercent":null,
                 "suppressed":true,"minimumGroupSize":5,"note":"%s"}""".formatted(note.formatted(1, "share is")));
        stub(get(urlPathEqualTo("/adherence/responders")), """
                {"clinic":null,"clinics":["clinic-a","clinic-b"],"rows":[],"suppressed":3,"minimumGroupSize":5,
                 "note":"%s"}""".formatted(note.formatted(3, "groups are")));

        Document page = Jsoup.parse(given().auth()
                .oauth2(ANNA)
                .when()
                .get("/app/analytics")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertTrue(
                page.selectFirst("[data-testid=scope]").text().startsWith("All your clinics (clinic-a, clinic-b)"),
                page.selectFirst("[data-testid=scope]").text());
        assertEquals(
                List.of("weekly", "distribution", "at-risk", "responders"),
                page.select("[data-testid=suppressed]").eachAttr("data-section"));
        assertTrue(page.selectFirst("[data-testid=suppressed][data-section=weekly]")
                .text()
                .contains("2 weeks are not shown: groups of fewer than 5 patients are suppressed"));
        assertTrue(page.select("table[data-testid=weekly] tbody").text().contains("No week with 5 patients or more"));
        assertTrue(page.select("table[data-testid=at-risk]").isEmpty(), "no at-risk table");
        assertTrue(page.selectFirst("[data-testid=pain-improvement]").text().contains("1 share is not shown"));
        assertTrue(page.selectFirst("[data-testid=suppressed][data-section=responders]")
                .text()
                .contains("3 groups are not shown"));
        assertTrue(page.select("table[data-testid=responders]").isEmpty(), "no responders table");
    }

    @Test
    void aClinicThatIsNotTheAnalystsIsNotFound() {
        stub(get(urlPathEqualTo("/adherence")).withQueryParam("clinic", equalTo("clinic-z")), 404, """
                {"type":"https://backstrong.org/problems/not-found","title":"Not found","status":404,
                 "detail":"No clinic clinic-z among yours"}""");
        Document page = Jsoup.parse(given().auth()
                .oauth2(ANNA)
                .when()
                .get("/app/analytics?clinic=clinic-z")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
        assertTrue(page.selectFirst("[data-testid=problem]").text().contains("No clinic clinic-z among yours"));
        assertEquals("true", page.selectFirst("input#clinic").attr("aria-invalid"));
        assertTrue(page.select("table[data-testid=weekly]").isEmpty());
        stub(
                get(urlPathEqualTo("/adherence"))
                        .withHeader("Accept", com.github.tomakehurst.wiremock.client.WireMock.containing("text/csv"))
                        .withQueryParam("clinic", equalTo("clinic-z")),
                404,
                """
                {"type":"https://backstrong.org/problems/not-found","title":"Not found","status":404}""");
        given().auth()
                .oauth2(ANNA)
                .when()
                .get("/app/analytics/adherence.csv?clinic=clinic-z&groupBy=week")
                .then()
                .statusCode(404);
    }

    @Test
    void atRiskRowsShowNoClinic() {
        Document page = Jsoup.parse(given().auth()
                .oauth2(ANNA)
                .when()
                .get("/app/analytics?clinic=clinic-a")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(
                List.of("Patient (pseudonym)", "Sessions completed / scheduled", "Adherence"),
                page.select("table[data-testid=at-risk] thead th").eachText());
        assertFalse(page.selectFirst("table[data-testid=at-risk]").text().contains("clinic-a"));
    }

    private void stub(MappingBuilder request, String body) {
        stub(request, body, "application/json");
    }

    private void stub(MappingBuilder request, String body, String type) {
        progress.stubFor(request.willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", type).withBody(body)));
    }

    private void stub(MappingBuilder request, int status, String body) {
        progress.stubFor(request.atPriority(1)
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(body)));
    }
}
