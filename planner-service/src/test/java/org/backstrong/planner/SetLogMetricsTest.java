package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.backstrong.planner.service.SetLogMetrics;
import org.backstrong.testinfra.Scrape;

/** The set-logging path's counters in /q/metrics, driven through POST /me/sets and read back from the scrape. */
@QuarkusTest
class SetLogMetricsTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private Scrape scrape() {
        return new Scrape(
                given().when().get(metrics).then().statusCode(200).extract().asString());
    }

    private static void log(SetLoggingTest.Patient patient, Map<String, Object> set, int status) {
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/me/sets")
                .then()
                .statusCode(status);
    }

    @Test
    void countsSetsStoredDuplicatesAndRefusalsByReason() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Scrape before = scrape();

        Map<String, Object> first = SetLoggingTest.set(patient, 2, 1);
        log(patient, first, 201);
        log(patient, SetLoggingTest.set(patient, 2, 2), 201);
        log(patient, SetLoggingTest.set(patient, 3, 1), 201);
        log(patient, first, 200);
        Map<String, Object> tomorrow = SetLoggingTest.set(patient, 3, 2);
        tomorrow.put("date", LocalDate.now().plusDays(1).toString());
        log(patient, tomorrow, 422);
        Map<String, Object> painEleven = SetLoggingTest.set(patient, 3, 2);
        painEleven.put("pain", 11);
        log(patient, painEleven, 400);
        Map<String, Object> noReps = SetLoggingTest.set(patient, 2, 3);
        noReps.remove("reps");
        log(patient, noReps, 400);

        Scrape after = scrape();
        assertEquals(3, delta(before, after, "backstrong_set_log_stored_total", Map.of()));
        assertEquals(1, delta(before, after, "backstrong_set_log_duplicates_total", Map.of()));
        assertEquals(1, delta(before, after, "backstrong_set_log_refused_total", Map.of("reason", "future-session")));
        // One refused by the input checks (pain 11), one by the batch (the item is counted in reps).
        assertEquals(2, delta(before, after, "backstrong_set_log_refused_total", Map.of("reason", "invalid-field")));
        assertEquals(3, delta(before, after, "backstrong_set_log_refused_total", Map.of()));
        // Every set that reached a batch: the three stored, the resend, the future one and the one without reps.
        assertEquals(6, delta(before, after, "backstrong_set_log_batch_size_sum", Map.of()));
        assertTrue(delta(before, after, "backstrong_set_log_batch_seconds_count", Map.of()) >= 1);
        assertEquals(0, delta(before, after, "backstrong_set_log_failed_total", Map.of()));
        assertEquals(0, delta(before, after, "backstrong_set_log_unavailable_total", Map.of()));
    }

    @Test
    void everyRefusalReasonIsKnownAtZeroFromTheStart() {
        Scrape scrape = scrape();
        for (String reason : SetLogMetrics.REASONS) {
            assertEquals(
                    1,
                    scrape.count("backstrong_set_log_refused_total", Map.of("reason", reason)),
                    "no series for reason " + reason);
        }
        for (String counter : new String[] {
            "backstrong_set_log_stored_total",
            "backstrong_set_log_duplicates_total",
            "backstrong_set_log_unavailable_total",
            "backstrong_set_log_failed_total",
            "backstrong_set_log_batch_size_count",
            "backstrong_set_log_batch_seconds_count"
        }) {
            assertTrue(scrape.has(counter), counter + " is not in the scrape");
        }
    }

    private static double delta(Scrape before, Scrape after, String metric, Map<String, String> labels) {
        return after.sum(metric, labels) - before.sum(metric, labels);
    }
}
