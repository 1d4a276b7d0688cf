package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.backstrong.planner.SetLoggingTest.Patient;
import org.backstrong.planner.service.SetLogQueue;

/**
 * A writer held up in the database (a table lock standing in for a stuck statement): readiness says
 * so once the batch is older than stuck-after, a full queue answers 503 with Retry-After, and every
 * set that was queued is stored once the database lets go.
 */
@QuarkusTest
@TestProfile(SetLogBackPressureTest.SmallQueue.class)
class SetLogBackPressureTest {

    public static class SmallQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backstrong.set-log.queue-capacity", "2", "backstrong.set-log.stuck-after", "2s");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SetLogQueue writer;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Test
    void aStuckWriterIsNotReadyAndAFullQueueAsksTheDeviceToRetry() throws Exception {
        Patient patient = SetLoggingTest.patientWithPlan(0);
        given().when().get(ready).then().statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> queued = new ArrayList<>();
            try (Connection lock = dataSource.getConnection();
                    Statement statement = lock.createStatement()) {
                lock.setAutoCommit(false);
                statement.execute("LOCK TABLE logged_set IN SHARE MODE");
                // One set in the writer's batch, waiting on the lock, and two in its queue of two.
                for (int number = 1; number <= 3; number++) {
                    Map<String, Object> set = SetLoggingTest.set(patient, 2, number);
                    queued.add(pool.submit(() -> send(patient, set).statusCode()));
                    int expected = number;
                    await().atMost(Duration.ofSeconds(20)).until(() -> writer.waiting() == expected);
                }

                Response full = send(patient, SetLoggingTest.set(patient, 3, 1));
                assertEquals(503, full.statusCode(), full.asString());
                assertEquals("1", full.header("Retry-After"));
                assertEquals("application/problem+json", full.contentType());
                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> given().when()
                                .get(ready)
                                .then()
                                .statusCode(503)
                                .body("checks.findAll { it.name == 'set-log writer' }.status", hasItem("DOWN")));
                lock.commit();
            }
            for (Future<Integer> status : queued) {
                assertEquals(201, status.get());
            }
            given().when()
                    .get(ready)
                    .then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'set-log writer' }.status", equalTo("UP"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Response send(Patient patient, Map<String, Object> set) {
        return given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/me/sets");
    }
}
