package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The remote-monitoring report: days with data per 30-day period, the codes, and the rule behind each. */
@QuarkusTest
class RtmReportTest {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Berlin");
    private static final String PROBLEM = "application/problem+json";

    @Inject
    DataSource database;

    private static LocalDate today() {
        return LocalDate.now(CLINIC_ZONE);
    }

    /** A set logged at noon of the clinic's day {@code day}. */
    private void loggedSet(String patientId, LocalDate day) throws Exception {
        loggedSetAt(patientId, day.atTime(LocalTime.NOON).atZone(CLINIC_ZONE).toOffsetDateTime());
    }

    private void loggedSetAt(String patientId, OffsetDateTime at) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO logged_set (id, patient_id, plan_id, item_id, session_date, set_number, reps, pain,"
                                + " beyond_normal_fatigue, logged_at) VALUES (?, ?, ?, ?, ?, 1, 10, 1, false, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, patientId);
            insert.setObject(3, UUID.randomUUID());
            insert.setObject(4, UUID.randomUUID());
            insert.setObject(5, at.toLocalDate());
            insert.setTimestamp(6, Timestamp.from(at.toInstant()));
            insert.executeUpdate();
        }
    }

    private void checkIn(String patientId, LocalDate day) throws Exception {
        OffsetDateTime at = day.atTime(7, 30).atZone(CLINIC_ZONE).toOffsetDateTime();
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO morning_check_in (id, patient_id, plan_id, date, pain, logged_at)"
                                + " VALUES (?, ?, ?, ?, 1, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, patientId);
            insert.setObject(3, UUID.randomUUID());
            insert.setObject(4, day);
            insert.setTimestamp(5, Timestamp.from(at.toInstant()));
            insert.executeUpdate();
        }
    }

    /**
     * A patient whose first day with data was 40 days ago: 17 days with data in period 1 (one of
     * them a check-in only, one with two sets), 3 in the running period 2.
     */
    private String patientWithFortyDaysOfHistory() throws Exception {
        String id = Clinic.enrolNewPatient();
        LocalDate first = today().minusDays(40);
        for (int day = 0; day < 16; day++) {
            loggedSet(id, first.plusDays(day));
        }
        loggedSet(id, first.plusDays(3));
        checkIn(id, first.plusDays(20));
        loggedSet(id, first.plusDays(30));
        checkIn(id, first.plusDays(31));
        loggedSet(id, first.plusDays(31));
        loggedSet(id, first.plusDays(33));
        return id;
    }

    private static JsonPath report(String token, String query) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/rtm" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void countsDaysWithDataPerPeriodAndRecordsTheRuleThatGaveEachCode() throws Exception {
        String id = patientWithFortyDaysOfHistory();
        LocalDate first = today().minusDays(40);
        JsonPath report = report(Clinic.clara(), "?from=" + today().minusDays(45) + "&to=" + today());
        assertEquals("clinic-a", report.getString("clinicId"));
        assertEquals("Europe/Berlin", report.getString("timeZone"));
        List<Map<String, Object>> rows = report.getList("rows.findAll { it.patientId == '" + id + "' }");
        assertEquals(2, rows.size(), rows.toString());

        Map<String, Object> one = rows.get(0);
        assertEquals(1, one.get("period"));
        assertEquals(first.toString(), one.get("periodStart"));
        assertEquals(first.plusDays(29).toString(), one.get("periodEnd"));
        assertEquals(17, one.get("daysWithData"));
        assertEquals(true, one.get("complete"));
        assertEquals(List.of("98975", "98977"), one.get("codes"));
        assertEquals(List.of("first-period-setup", "days-16-to-30"), one.get("rules"));
        assertTrue(one.get("reason").toString().contains("17 days with data (16–30): 98977"), one.toString());
        assertEquals("Test Patient", one.get("displayName"));

        Map<String, Object> two = rows.get(1);
        assertEquals(2, two.get("period"));
        assertEquals(first.plusDays(30).toString(), two.get("periodStart"));
        assertEquals(3, two.get("daysWithData"));
        assertEquals(false, two.get("complete"));
        assertEquals(List.of("98985"), two.get("codes"));
        assertEquals(List.of("days-2-to-15"), two.get("rules"));
    }

    @Test
    void showsOnlyThePeriodsThatOverlapTheRange() throws Exception {
        String id = patientWithFortyDaysOfHistory();
        JsonPath lastWeek = report(Clinic.clara(), "?from=" + today().minusDays(6) + "&to=" + today());
        assertEquals(List.of(2), lastWeek.getList("rows.findAll { it.patientId == '" + id + "' }.period"));
        JsonPath defaults = report(Clinic.clara(), "");
        assertEquals(today().toString(), defaults.getString("to"));
        assertEquals(today().minusDays(29).toString(), defaults.getString("from"));
        JsonPath before = report(Clinic.clara(), "?from=" + today().minusDays(200) + "&to=" + today().minusDays(41));
        assertEquals(List.of(), before.getList("rows.findAll { it.patientId == '" + id + "' }"));
    }

    @Test
    void aDayWithDataIsACalendarDayInTheClinicsZone() throws Exception {
        String id = Clinic.enrolNewPatient();
        LocalDate utcDay = today().minusDays(5);
        // 23:30 UTC is already the next day in Berlin (UTC+1 or +2).
        loggedSetAt(id, utcDay.atTime(23, 30).atOffset(ZoneOffset.UTC));
        loggedSetAt(id, utcDay.plusDays(1).atTime(8, 0).atOffset(ZoneOffset.UTC));
        JsonPath report = given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + id + "/rtm")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(utcDay.plusDays(1).toString(), report.getString("rows[0].periodStart"));
        assertEquals(1, report.getInt("rows[0].daysWithData"));
        assertEquals(List.of("98975"), report.getList("rows[0].codes"));
        assertEquals(List.of("first-period-setup", "fewer-than-2-days"), report.getList("rows[0].rules"));
    }

    @Test
    void listsEveryPeriodOfOnePatient() throws Exception {
        String id = patientWithFortyDaysOfHistory();
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + id + "/rtm")
                .then()
                .statusCode(200)
                .body("from", equalTo(today().minusDays(40).toString()))
                .body("rows.period", equalTo(List.of(1, 2)))
                .body("rows.daysWithData", equalTo(List.of(17, 3)));
        String nothingYet = Clinic.enrolNewPatient();
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + nothingYet + "/rtm")
                .then()
                .statusCode(200)
                .body("rows", equalTo(List.of()));
    }

    @Test
    void answers404ForAnotherClinicsPatient() throws Exception {
        String id = patientWithFortyDaysOfHistory();
        given().auth()
                .oauth2(Clinic.colin())
                .when()
                .get("/patients/" + id + "/rtm")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        JsonPath colins = report(Clinic.colin(), "?from=" + today().minusDays(45) + "&to=" + today());
        assertEquals(List.of(), colins.getList("rows.findAll { it.patientId == '" + id + "' }"));
        assertEquals("clinic-b", colins.getString("clinicId"));
    }

    @Test
    void answers401WithoutATokenAnd403ToAPatient() {
        given().when().get("/rtm").then().statusCode(401);
        given().when().get("/patients/" + UUID.randomUUID() + "/rtm").then().statusCode(401);
        String patient = Clinic.patient(UUID.randomUUID().toString());
        given().auth().oauth2(patient).when().get("/rtm").then().statusCode(403);
        given().auth()
                .oauth2(patient)
                .when()
                .get("/patients/" + UUID.randomUUID() + "/rtm")
                .then()
                .statusCode(403);
        given().auth().oauth2(patient).when().get("/app/rtm").then().statusCode(403);
    }

    @Test
    void refusesABadRangeNamingTheField() {
        for (String[] bad : new String[][] {
            {"?from=2026-13-01", "from"},
            {"?to=yesterday", "to"},
            {"?from=1899-12-31&to=1900-01-10", "from"},
            {"?from=2026-03-10&to=2026-03-01", "to"},
            {"?from=2024-01-01&to=2025-12-31", "from"},
        }) {
            given().auth()
                    .oauth2(Clinic.clara())
                    .when()
                    .get("/rtm" + bad[0])
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("field", equalTo(bad[1]));
            // A download link's refusal is a page in the app's frame, as every error of /app is.
            given().auth()
                    .oauth2(Clinic.clara())
                    .when()
                    .get("/app/rtm/report.csv" + bad[0])
                    .then()
                    .statusCode(400)
                    .contentType(containsString("text/html"))
                    .body(containsString(bad[1] + ": must be"));
        }
    }

    @Test
    void thePageShowsEachPeriodWithItsCodesAndIsLinkedFromTheNavigation() throws Exception {
        String id = patientWithFortyDaysOfHistory();
        Document page = Pages.page(Clinic.clara(), "/app/rtm?from=" + today().minusDays(45) + "&to=" + today());
        assertEquals("Remote monitoring — Backstrong", page.title());
        Element nav = page.selectFirst("nav a[data-testid=nav-rtm]");
        assertEquals("page", nav.attr("aria-current"));
        Element first = page.selectFirst("tr[data-testid=rtm-row][data-patient-id=" + id + "][data-period=1]");
        assertNotNull(first);
        assertEquals("17", first.attr("data-days"));
        assertEquals("98975 98977", first.attr("data-codes"));
        assertTrue(first.text().contains("17 days with data (16–30): 98977"), first.text());
        Element second = page.selectFirst("tr[data-testid=rtm-row][data-patient-id=" + id + "][data-period=2]");
        assertTrue(second.text().contains("running"), second.text());
        assertNotNull(page.selectFirst("[data-testid=rtm-disclaimer]"));
        assertTrue(page.selectFirst("a[data-testid=rtm-csv]").attr("href").startsWith("/app/rtm/report.csv?from="));
        Pages.assertEveryInputHasALabel(page);
        assertTrue(page.select("script:not([src]), style, [style]").isEmpty(), "nothing inline: the CSP forbids it");
        assertNull(page.selectFirst("[data-testid=field-error]"));

        Document other = Pages.page(Clinic.colin(), "/app/clinic");
        assertNotNull(other.selectFirst("nav a[data-testid=nav-rtm]"));
        assertFalse(Pages.page(Clinic.colin(), "/app/rtm").html().contains(id));
    }

    @Test
    void thePageShowsARefusedRangeNextToItsField() {
        String html = given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/app/rtm?from=2026-03-10&to=2026-03-01")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        Document page = org.jsoup.Jsoup.parse(html);
        Element error = page.selectFirst("[data-testid=field-error][data-field=to]");
        assertNotNull(error, html);
        assertEquals(error.id(), page.selectFirst("#rtm-to").attr("aria-describedby"));
        assertNull(page.selectFirst("table[data-testid=rtm]"));
    }

    @Test
    void downloadsTheSameRowsAsCsv() throws Exception {
        String id = patientWithFortyDaysOfHistory();
        String csv = given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/app/rtm/report.csv?from=" + today().minusDays(45) + "&to=" + today())
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"rtm-clinic-a-"))
                .body(not(emptyString()))
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertEquals(
                "patient_id,patient,period,period_start,period_end,days_with_data,complete,codes,rules,reason",
                lines[0]);
        LocalDate first = today().minusDays(40);
        assertTrue(
                List.of(lines)
                        .contains("\"" + id + "\",\"Test Patient\",1," + first + "," + first.plusDays(29)
                                + ",17,true,\"98975 98977\",\"first-period-setup days-16-to-30\","
                                + "\"first period: 98975 (set-up); 17 days with data (16–30): 98977\""),
                csv);
        given().auth()
                .oauth2(Clinic.patient(id))
                .when()
                .get("/app/rtm/report.csv")
                .then()
                .statusCode(403);
    }

    private static org.hamcrest.Matcher<String> not(org.hamcrest.Matcher<String> matcher) {
        return org.hamcrest.Matchers.not(matcher);
    }
}
