package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A patient's private calendar feed of their session days: on, a new address, off; the token is the credential. */
@QuarkusTest
class CalendarFeedTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    DataSource database;

    /** Turns the feed on through the API and answers the feed's address (its path on this server). */
    private static String turnOn(String token) {
        String url = given().auth()
                .oauth2(token)
                .when()
                .post("/me/calendar-feed")
                .then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("enabled", equalTo(true))
                .body("createdAt", startsWith("20"))
                .extract()
                .path("url");
        assertTrue(url.matches("https?://.+/calendar/[A-Za-z0-9_-]{43}/sessions\\.ics"), url);
        return URI.create(url).getPath();
    }

    private static String feed(String path) {
        return given().when()
                .get(path)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/calendar"))
                .header("Cache-Control", containsString("private"))
                .extract()
                .asString();
    }

    private static List<String> uids(String ics) {
        List<String> uids = new ArrayList<>();
        for (String line : ics.split("\r\n")) {
            if (line.startsWith("UID:")) {
                uids.add(line.substring(4));
            }
        }
        return uids;
    }

    @Test
    void servesOneEventAndReminderPerSessionDayWithNothingButTheSummary() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(3);
        String ics = feed(turnOn(patient.token()));
        // The built-in plan: 4 weeks, every day.
        List<String> uids = uids(ics);
        assertEquals(28, uids.size(), ics);
        assertEquals(28, uids.stream().distinct().count());
        assertEquals(28, ics.split("BEGIN:VALARM\r\n", -1).length - 1);
        assertTrue(
                ics.contains("DTSTART;VALUE=DATE:"
                        + java.time.LocalDate.now().minusDays(3).toString().replace("-", "") + "\r\n"),
                ics);
        assertTrue(ics.contains("DTSTAMP:"), ics);
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
            if (line.startsWith("SUMMARY:") || line.startsWith("DESCRIPTION:") || line.startsWith("X-WR-CALNAME:")) {
                assertTrue(line.endsWith(":Back exercises"), line);
            }
            assertFalse(
                    line.startsWith("LOCATION") || line.startsWith("ORGANIZER") || line.startsWith("ATTENDEE"), line);
        }
        for (String health :
                List.of("lat", "Lat", "pain", "Pain", "clinic", "Test Patient", patient.id(), patient.planId())) {
            assertFalse(ics.contains(health), "the feed holds " + health);
        }
        // The same plan and days, even at a new address: the same UIDs, so a phone updates its events, never doubles
        // them.
        assertEquals(uids, uids(feed(turnOn(patient.token()))));
    }

    @Test
    void aNewAddressStopsTheOldOneAndOffStopsIt() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        String first = turnOn(patient.token());
        String second = turnOn(patient.token());
        assertNotEquals(first, second);
        given().when().get(first).then().statusCode(404).contentType(PROBLEM);
        feed(second);
        given().auth()
                .oauth2(patient.token())
                .when()
                .get("/me/calendar-feed")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("url", nullValue());
        given().auth()
                .oauth2(patient.token())
                .when()
                .delete("/me/calendar-feed")
                .then()
                .statusCode(204);
        given().when().get(second).then().statusCode(404);
        given().auth()
                .oauth2(patient.token())
                .when()
                .delete("/me/calendar-feed")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(patient.token())
                .when()
                .get("/me/calendar-feed")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false));
    }

    @Test
    void storesOnlyAHashOfTheToken() throws Exception {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        String path = turnOn(patient.token());
        String token = path.split("/")[2];
        try (Connection connection = database.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT * FROM calendar_feed WHERE patient_id = ?")) {
            query.setString(1, patient.id());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertTrue(MessageDigest.isEqual(
                        MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)),
                        row.getBytes("token_hash")));
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    String value = row.getString(column);
                    assertFalse(value != null && value.contains(token), "the token itself is stored");
                }
            }
        }
    }

    @Test
    void aPausedPlanHasNoSessionsInTheFeed() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        String path = turnOn(patient.token());
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Away for two weeks."))
                .when()
                .post("/plans/" + patient.planId() + "/pause")
                .then()
                .statusCode(200);
        String ics = feed(path);
        assertEquals(List.of(), uids(ics));
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
    }

    @Test
    void anUnknownOrMalformedTokenIs404() {
        given().when()
                .get("/calendar/" + "A".repeat(43) + "/sessions.ics")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        given().when().get("/calendar/short/sessions.ics").then().statusCode(404);
    }

    @Test
    void theMeApiIsForEnrolledPatientsOnly() {
        given().when().get("/me/calendar-feed").then().statusCode(401);
        given().when().post("/me/calendar-feed").then().statusCode(401);
        given().when().delete("/me/calendar-feed").then().statusCode(401);
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .post("/me/calendar-feed")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/app/me/calendar")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Clinic.patient(UUID.randomUUID().toString()))
                .when()
                .post("/me/calendar-feed")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void thePatientTurnsRemindersOnAndSeesTheAddressOnce() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Document off = Pages.page(patient.token(), "/app/me/calendar");
        assertEquals("Reminders — Backstrong", off.title());
        assertEquals("page", off.selectFirst("nav a[data-testid=nav-calendar]").attr("aria-current"));
        Element form = off.selectFirst("form[data-testid=calendar-on-form]");
        assertEquals("post", form.attr("method"));
        assertFalse(form.selectFirst("input[type=hidden][name=csrf]").val().isBlank());
        assertEquals(
                "/assets/patient.webmanifest",
                off.selectFirst("link[rel=manifest]").attr("href"));
        assertTrue(off.select("script:not([src]), style, [style]").isEmpty(), "nothing inline: the CSP forbids it");

        Response turnedOn = given().auth()
                .oauth2(patient.token())
                .redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("csrf", "unused-with-a-bearer-token")
                .when()
                .post("/app/me/calendar/on");
        assertEquals(303, turnedOn.statusCode());
        assertTrue(turnedOn.header("Location").endsWith("/app/me/calendar"), turnedOn.header("Location"));
        String setCookie = turnedOn.header("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly") || setCookie.contains("HTTPOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/app/me/calendar"), setCookie);
        String handOver = turnedOn.getCookie("backstrong-calendar-feed");
        assertNotNull(handOver);

        String html = given().auth()
                .oauth2(patient.token())
                .cookie("backstrong-calendar-feed", handOver)
                .when()
                .get("/app/me/calendar")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Set-Cookie", allOf(containsString("backstrong-calendar-feed="), containsString("Max-Age=0")))
                .extract()
                .asString();
        Document shown = Jsoup.parse(html);
        String url = shown.selectFirst("input[data-testid=calendar-address]").val();
        assertTrue(url.endsWith("/calendar/" + handOver + "/sessions.ics"), url);
        assertTrue(shown.selectFirst("a[data-testid=calendar-subscribe]")
                .attr("href")
                .startsWith("webcal://"));
        Pages.assertEveryInputHasALabel(shown);
        feed(URI.create(url).getPath());

        Document later = Pages.page(patient.token(), "/app/me/calendar");
        assertNull(later.selectFirst("[data-testid=calendar-address]"), "the address is shown once");
        assertNotNull(later.selectFirst("[data-testid=calendar-on-since]"));
        assertNotNull(later.selectFirst("form[data-testid=calendar-rotate-form]"));

        given().auth()
                .oauth2(patient.token())
                .redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("csrf", "unused-with-a-bearer-token")
                .when()
                .post("/app/me/calendar/off")
                .then()
                .statusCode(303)
                .header("Location", containsString("/app/me/calendar?flash=off"));
        given().when().get(URI.create(url).getPath()).then().statusCode(404);
        Document afterOff = Pages.page(patient.token(), "/app/me/calendar?flash=off");
        assertNotNull(afterOff.selectFirst("[data-testid=flash]"));
        assertNotNull(afterOff.selectFirst("form[data-testid=calendar-on-form]"));
        // An old hand-over cookie shows nothing once the feed is off.
        Document stale = Jsoup.parse(given().auth()
                .oauth2(patient.token())
                .cookie("backstrong-calendar-feed", handOver)
                .when()
                .get("/app/me/calendar")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertNull(stale.selectFirst("[data-testid=calendar-address]"));
    }
}
