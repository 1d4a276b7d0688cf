package org.backstrong.planner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pain-flag inbox (/app/flags) over a stubbed progress-service. */
@QuarkusTest
class PainFlagPagesTest {

    private SetLoggingTest.Patient patient;
    private String stopFlag;
    private String strangersFlag;

    @BeforeEach
    void inboxWithAFlagOfOurPatientAndOneOfAPatientPlannerDoesNotKnowHere() {
        ProgressStub.reset();
        patient = SetLoggingTest.patientWithPlan(0);
        stopFlag = UUID.randomUUID().toString();
        strangersFlag = UUID.randomUUID().toString();
        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/pain-flags")).willReturn(ProgressStub.json(200, """
                [{"id": "%s", "patientId": "%s", "planId": "%s", "itemId": "%s", "exerciseId": "lat-pulldown",
                  "severity": "STOP", "status": "OPEN", "rule": "pain-above-5", "evidence": "Pain 7 in set 2",
                  "raisedAt": "2026-11-25T09:30:00Z", "acknowledgedBy": null, "acknowledgedAt": null,
                  "resolvedBy": null, "resolvedAt": null, "resolutionNote": null},
                 {"id": "%s", "patientId": "someone-else", "planId": "%s", "itemId": null, "exerciseId": null,
                  "severity": "WATCH", "status": "ACKNOWLEDGED", "rule": "weekly-pain-rising",
                  "evidence": "Weekly mean pain 2.0, 3.0, 4.0", "raisedAt": "2026-11-24T09:30:00Z",
                  "acknowledgedBy": "x", "acknowledgedAt": "2026-11-24T10:00:00Z"}]
                """.formatted(
                        stopFlag, patient.id(), patient.planId(), patient.item(2), strangersFlag, UUID.randomUUID()))));
    }

    @Test
    void listsTheClinicsOpenFlagsWithEvidenceAndTheirPatientsNames() {
        Document page = Pages.page(Clinic.clara(), "/app/flags");
        Element stop = page.selectFirst("tr[data-testid=flag][data-flag-id=" + stopFlag + "]");
        assertTrue(stop.text().contains("Test Patient"), stop.text());
        assertEquals("STOP", stop.selectFirst("[data-testid=flag-severity]").text());
        assertTrue(stop.selectFirst("[data-testid=flag-severity]").hasClass("stop"));
        assertTrue(stop.text().contains("Pain 7 in set 2"));
        assertTrue(stop.text().contains(patient.plan().getString("items[2].exerciseName")), "the exercise by name");
        assertEquals(
                "/app/clinic/patients/" + patient.id(),
                stop.selectFirst("a[data-testid=flag-patient]").attr("href"));
        assertNotNull(stop.selectFirst("form[action=/app/flags/" + stopFlag + "/resolve] textarea[name=note]"));
        assertNotNull(stop.selectFirst("button[data-testid=resolve-flag]"));
        assertNotNull(stop.selectFirst("button[data-testid=acknowledge-flag]"));
        assertFalse(stop.selectFirst("form input[name=csrf]").val().isBlank());

        Element watch = page.selectFirst("tr[data-testid=flag][data-flag-id=" + strangersFlag + "]");
        assertTrue(watch.text().contains("WATCH") && watch.text().contains("not enrolled"), watch.text());
        assertTrue(watch.select("button[data-testid=acknowledge-flag]").isEmpty(), "acknowledged already");
        Pages.assertEveryInputHasALabel(page);
    }

    @Test
    void showsTheEvidenceWithWhatThePatientWroteAsText() {
        String flag = UUID.randomUUID().toString();
        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/pain-flags")).willReturn(ProgressStub.json(200, """
                [{"id": "%s", "patientId": "%s", "planId": "%s", "itemId": "%s", "exerciseId": "lat-pulldown",
                  "severity": "STOP", "status": "OPEN", "rule": "PAIN_ABOVE_FIVE",
                  "evidence": "pain 7 during set 2 (above 5); the patient wrote: \\"sharp <script>alert(1)</script> pain\\"",
                  "raisedAt": "2026-11-25T09:30:00Z", "acknowledgedBy": null, "acknowledgedAt": null}]
                """.formatted(
                                flag, patient.id(), patient.planId(), patient.item(2)))));
        String html = given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/app/flags")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Element row = Jsoup.parse(html).selectFirst("tr[data-testid=flag][data-flag-id=" + flag + "]");
        assertTrue(
                row.text()
                        .contains(
                                "pain 7 during set 2 (above 5); the patient wrote: \"sharp <script>alert(1)</script> pain\""),
                row.text());
        assertTrue(row.select("script").isEmpty(), "the patient's words are text, not markup");
        assertTrue(html.contains("sharp &lt;script&gt;alert(1)&lt;/script&gt; pain"), "escaped");
    }

    @Test
    void neverNamesAnotherClinicsPatient() {
        Document page = Pages.page(Clinic.colin(), "/app/flags");
        Element row = page.selectFirst("tr[data-testid=flag][data-flag-id=" + stopFlag + "]");
        assertFalse(row.text().contains("Test Patient"), row.text());
        assertTrue(row.select("a[data-testid=flag-patient]").isEmpty());
        assertFalse(row.text().contains(patient.plan().getString("items[2].exerciseName")), "nor their plan");
    }

    @Test
    void acknowledgesThroughProgressWithTheCliniciansToken() {
        ProgressStub.server()
                .stubFor(post(urlPathMatching("/pain-flags/.*/acknowledge"))
                        .willReturn(ProgressStub.json(
                                200,
                                "{\"id\": \"" + stopFlag
                                        + "\", \"status\": \"ACKNOWLEDGED\", \"severity\": \"STOP\"}")));
        String clara = Clinic.clara();
        given().auth()
                .oauth2(clara)
                .redirects()
                .follow(false)
                .when()
                .post("/app/flags/" + stopFlag + "/acknowledge")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/flags?done=acknowledged"));
        ProgressStub.server()
                .verify(postRequestedFor(urlPathEqualTo("/pain-flags/" + stopFlag + "/acknowledge"))
                        .withHeader("Authorization", equalTo("Bearer " + clara)));
        Document page = Pages.page(clara, "/app/flags?done=acknowledged");
        assertTrue(page.selectFirst("[data-testid=flash]").text().startsWith("Flag acknowledged"));
    }

    @Test
    void resolvesWithTheNoteThroughProgressAndSaysSo() {
        ProgressStub.server()
                .stubFor(post(urlPathMatching("/pain-flags/.*/resolve"))
                        .willReturn(ProgressStub.json(
                                200,
                                "{\"id\": \"" + stopFlag + "\", \"status\": \"RESOLVED\", \"severity\": \"STOP\"}")));
        String clara = Clinic.clara();
        given().auth()
                .oauth2(clara)
                .redirects()
                .follow(false)
                .formParam("note", "  Called the patient: lighter load, form check next visit.  ")
                .when()
                .post("/app/flags/" + stopFlag + "/resolve")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/flags?done=resolved"));
        ProgressStub.server()
                .verify(postRequestedFor(urlPathEqualTo("/pain-flags/" + stopFlag + "/resolve"))
                        .withHeader("Authorization", equalTo("Bearer " + clara))
                        .withRequestBody(equalToJson(
                                "{\"note\": \"Called the patient: lighter load, form check next visit.\"}")));
        Document page = Pages.page(clara, "/app/flags?done=resolved");
        assertTrue(page.selectFirst("[data-testid=flash]").text().startsWith("Flag resolved"));
    }

    @Test
    void aBlankNoteComesBackNextToTheFieldAndNothingIsSent() {
        Document page = Jsoup.parse(given().auth()
                .oauth2(Clinic.clara())
                .formParam("note", "   ")
                .when()
                .post("/app/flags/" + stopFlag + "/resolve")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
        Element row = page.selectFirst("tr[data-testid=flag][data-flag-id=" + stopFlag + "]");
        assertNotNull(row.selectFirst("[data-testid=field-error][data-field=note]"));
        assertEquals("true", row.selectFirst("textarea[name=note]").attr("aria-invalid"));
        ProgressStub.server().verify(0, postRequestedFor(urlPathMatching("/pain-flags/.*/resolve")));
    }

    @Test
    void aFlagResolvedMeanwhileIsToldNotFailed() {
        ProgressStub.server()
                .stubFor(post(urlPathMatching("/pain-flags/.*/resolve"))
                        .willReturn(aResponse()
                                .withStatus(409)
                                .withHeader("Content-Type", "application/problem+json")
                                .withBody("{\"status\": 409}")));
        Document page = Jsoup.parse(given().auth()
                .oauth2(Clinic.clara())
                .formParam("note", "done")
                .when()
                .post("/app/flags/" + stopFlag + "/resolve")
                .then()
                .statusCode(409)
                .extract()
                .asString());
        assertTrue(page.selectFirst("[data-testid=flag-problem]").text().contains("resolved already"));
    }

    @Test
    void pagesThroughAnInboxLongerThanOnePageWithTimesInTheClinicsZone() {
        StringBuilder fifty = new StringBuilder("[");
        for (int i = 0; i < 50; i++) {
            fifty.append(i == 0 ? "" : ",").append(flagJson(UUID.randomUUID().toString(), "2026-11-25T09:30:00Z"));
        }
        String oldest = UUID.randomUUID().toString();
        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/pain-flags"))
                        .withQueryParam("page", equalTo("0"))
                        .withQueryParam("size", equalTo("50"))
                        .willReturn(ProgressStub.json(200, fifty.append("]").toString())));
        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/pain-flags"))
                        .withQueryParam("page", equalTo("1"))
                        .withQueryParam("size", equalTo("50"))
                        .willReturn(ProgressStub.json(200, "[" + flagJson(oldest, "2026-07-01T07:05:00Z") + "]")));

        Document first = Pages.page(Clinic.clara(), "/app/flags");
        assertEquals(50, first.select("tr[data-testid=flag]").size());
        assertEquals(
                "/app/flags?page=1",
                first.selectFirst("a[data-testid=older-flags]").attr("href"));
        assertTrue(first.select("a[data-testid=newer-flags]").isEmpty());
        assertTrue(first.selectFirst("[data-testid=flag-range]").text().startsWith("Open flags 1–50"));
        assertTrue(
                first.selectFirst("tr[data-testid=flag]").text().contains("25 Nov 2026, 10:30 CET"),
                "09:30 UTC is 10:30 in Berlin in November: "
                        + first.selectFirst("tr[data-testid=flag]").text());

        Document second = Pages.page(Clinic.clara(), "/app/flags?page=1");
        Element last = second.selectFirst("tr[data-testid=flag][data-flag-id=" + oldest + "]");
        assertTrue(last.text().contains("1 Jul 2026, 09:05 CEST"), "summer time: " + last.text());
        assertEquals(
                "/app/flags?page=0",
                second.selectFirst("a[data-testid=newer-flags]").attr("href"));
        assertTrue(second.select("a[data-testid=older-flags]").isEmpty());
        assertTrue(second.selectFirst("[data-testid=flag-range]").text().startsWith("Open flags 51–51"));

        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/pain-flags"))
                        .withQueryParam("page", equalTo("2"))
                        .willReturn(ProgressStub.json(200, "[]")));
        Document beyond = Pages.page(Clinic.clara(), "/app/flags?page=2");
        assertEquals(
                "No older open pain flags.",
                beyond.selectFirst("[data-testid=no-flags]").text());
        assertNotNull(beyond.selectFirst("a[data-testid=newer-flags]"));
        assertNotNull(
                Pages.page(Clinic.clara(), "/app/flags?page=x").selectFirst("a[data-testid=older-flags]"),
                "a page number that is not one shows the first page");
    }

    @Test
    void theNavigationShowsHowManyFlagsAreOpenAndNothingWhenProgressCannotSay() {
        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/pain-flags/count")).willReturn(ProgressStub.json(200, "{\"open\": 3}")));
        String clara = Clinic.clara();
        Element count = Pages.page(clara, "/app/clinic").selectFirst("nav [data-testid=open-flag-count]");
        assertEquals("3 open", count.text());
        assertEquals("/app/flags", count.parent().attr("href"));
        ProgressStub.server()
                .verify(getRequestedFor(urlPathEqualTo("/pain-flags/count"))
                        .withHeader("Authorization", equalTo("Bearer " + clara)));

        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/pain-flags/count")).willReturn(ProgressStub.json(200, "{\"open\": 0}")));
        assertTrue(
                Pages.page(Clinic.clara(), "/app/clinic")
                        .select("[data-testid=open-flag-count]")
                        .isEmpty(),
                "no number when nothing waits");

        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/pain-flags/count"))
                        .willReturn(aResponse().withStatus(503)));
        Document page = Pages.page(Clinic.clara(), "/app/clinic");
        assertTrue(page.select("[data-testid=open-flag-count]").isEmpty(), "no number when progress cannot say");
        assertNotNull(page.selectFirst("nav a[href=/app/flags]"));
    }

    private String flagJson(String id, String raisedAt) {
        return """
                {"id": "%s", "patientId": "%s", "planId": "%s", "itemId": "%s", "exerciseId": "lat-pulldown",
                 "severity": "STOP", "status": "OPEN", "rule": "pain-above-5", "evidence": "Pain 7 in set 2",
                 "raisedAt": "%s", "acknowledgedBy": null, "acknowledgedAt": null}
                """.formatted(id, patient.id(), patient.planId(), patient.item(2), raisedAt);
    }

    @Test
    void saysSoWhenProgressIsUnavailable() {
        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/pain-flags"))
                        .willReturn(aResponse().withStatus(503)));
        Document page = Pages.page(Clinic.clara(), "/app/flags");
        assertNotNull(page.selectFirst("[data-testid=progress-unavailable]"));
        assertTrue(page.select("tr[data-testid=flag]").isEmpty());

        ProgressStub.server()
                .stubFor(post(urlPathMatching("/pain-flags/.*/acknowledge"))
                        .willReturn(aResponse().withStatus(503)));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .post("/app/flags/" + stopFlag + "/acknowledge")
                .then()
                .statusCode(502)
                .contentType(containsString("text/html"))
                .body(containsString("nothing was changed"));
    }

    @Test
    void theInboxIsForCliniciansOnlyAndUnknownFlagsAnswer404() {
        given().auth().oauth2(patient.token()).when().get("/app/flags").then().statusCode(403);
        given().auth()
                .oauth2(patient.token())
                .formParam("note", "x")
                .when()
                .post("/app/flags/" + stopFlag + "/resolve")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Clinic.clara())
                .formParam("note", "x")
                .when()
                .post("/app/flags/not-a-flag/resolve")
                .then()
                .statusCode(404);
        ProgressStub.server()
                .stubFor(post(urlPathMatching("/pain-flags/.*/resolve"))
                        .willReturn(aResponse().withStatus(404)));
        given().auth()
                .oauth2(Clinic.colin())
                .formParam("note", "x")
                .when()
                .post("/app/flags/" + stopFlag + "/resolve")
                .then()
                .statusCode(404);
    }
}
