package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.messaging.Topics;
import org.backstrong.testinfra.EventContract;

/** Outcome measures over HTTP: what is due, a scored response stored once, refusals, the clinician's list. */
@QuarkusTest
class OutcomeMeasuresTest {

    static final String RMDQ = "https://backstrong.example/fhir/Questionnaire/rmdq|1.0.0";

    @Test
    void theBaselineAsksForNprsPsfsAndRmdqOnTheFirstDay() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        String today = LocalDate.now().toString();
        given().auth()
                .oauth2(patient.token())
                .when()
                .get("/me/outcomes/due")
                .then()
                .statusCode(200)
                .body("measure", contains("NPRS", "PSFS", "RMDQ"))
                .body("occasion", contains("BASELINE", "BASELINE", "BASELINE"))
                .body("dueOn", contains(today, today, today))
                .body("planId[0]", equalTo(patient.planId()))
                .body("questionnaire[2]", equalTo(RMDQ))
                .body("activities[1]", empty());
    }

    @Test
    void storesAScoredResponseOnceHoweverOftenItIsSentAndPublishesItOnce() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Map<String, Object> response = rmdq(patient, LocalDate.now(), 14);
        String first = submit(patient, response)
                .statusCode(201)
                .body("score", equalTo(14.0f))
                .body("scaleMax", equalTo(24))
                .body("basis", equalTo("RMDQ: 14 of 24 statements ticked"))
                .body("questionnaire", equalTo(RMDQ))
                .body("answers.rmdq-1", equalTo(true))
                .body("answers.rmdq-24", equalTo(false))
                .extract()
                .asString();
        for (int resend = 0; resend < 2; resend++) {
            assertEquals(
                    first, submit(patient, response).statusCode(200).extract().asString());
        }
        given().auth()
                .oauth2(patient.token())
                .when()
                .get("/me/outcomes/due")
                .then()
                .statusCode(200)
                .body("measure", contains("NPRS", "PSFS"));

        List<ConsumerRecord<String, String>> outcomes = outcomeEvents(patient, 1);
        assertEquals(1, outcomes.size());
        EventContract.assertValid(EventTypes.OUTCOME_RECORDED, outcomes.get(0).value());
        io.restassured.path.json.JsonPath data =
                io.restassured.path.json.JsonPath.from(outcomes.get(0).value());
        assertEquals(response.get("id"), data.getString("outcomeId"));
        assertEquals("RMDQ", data.getString("measure"));
        assertEquals(14.0f, data.getFloat("score"));
        assertEquals(24, data.getInt("itemsAnswered"));
    }

    /** The page and the device's worker may send the same entry at once: one stores it, the others read it. */
    @Test
    void resendsAtTheSameTimeStoreOneResponseAndAnswerItToEach() throws Exception {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Map<String, Object> response = response(patient, "NPRS", "BASELINE", LocalDate.now(), Map.of("pain", 3));
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int send = 0; send < 6; send++) {
                answers.add(
                        senders.submit(() -> submit(patient, response).extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        } finally {
            senders.shutdownNow();
        }
        assertEquals(1, outcomeEvents(patient, 1).size());
    }

    @Test
    void aPsfsFollowUpRatesTheActivitiesNamedAtTheBaseline() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(15);
        LocalDate start = LocalDate.now().minusDays(15);
        Map<String, Object> baseline = psfsBaseline(patient, start);
        submit(patient, baseline)
                .statusCode(201)
                .body("score", equalTo(5.0f))
                .body("basis", equalTo("PSFS: mean of 3 activities rated 3, 5, 7 = 5.0 of 10"));
        given().auth()
                .oauth2(patient.token())
                .when()
                .get("/me/outcomes/due")
                .then()
                .statusCode(200)
                .body("measure", contains("NPRS", "PSFS", "RMDQ"))
                .body("occasion[1]", equalTo("FOLLOW_UP"))
                .body("dueOn[1]", equalTo(start.plusDays(14).toString()))
                .body("activities[1]", contains("Lifting the shopping", "Gardening", "Walking 30 minutes"));

        Map<String, Object> followUp = response(
                patient,
                "PSFS",
                "FOLLOW_UP",
                start.plusDays(14),
                Map.of("activity-1-rating", 4, "activity-2-rating", 6, "activity-3-rating", 9));
        submit(patient, followUp)
                .statusCode(201)
                .body("score", equalTo(6.3f))
                .body("itemsAnswered", equalTo(3))
                .body("answers.activity-2-name", equalTo("Gardening"));
    }

    @Test
    void refusesAnAnswerOutOfRangeNamingTheItemAndStoresNothing() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Map<String, Object> nprs = response(patient, "NPRS", "BASELINE", LocalDate.now(), Map.of("pain", 11));
        refused(submit(patient, nprs), 400, "answers.pain");
        nprs.put("answers", Map.of("pain", 4, "mood", 2));
        refused(submit(patient, nprs), 400, "answers.mood");
        nprs.put("answers", Map.of());
        refused(submit(patient, nprs), 400, "answers.pain");
        nprs.put("answers", Map.of("pain", 4.5));
        refused(submit(patient, nprs), 400, "answers.pain");
        Map<String, Object> rmdq = rmdq(patient, LocalDate.now(), 3);
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = new HashMap<>((Map<String, Object>) rmdq.get("answers"));
        answers.remove("rmdq-9");
        rmdq.put("answers", answers);
        refused(submit(patient, rmdq), 400, "answers.rmdq-9");
        nprs.put("measure", "SF36");
        refused(submit(patient, nprs), 400, "measure");

        given().auth()
                .oauth2(patient.token())
                .when()
                .get("/me/outcomes/due")
                .then()
                .statusCode(200)
                .body("measure", contains("NPRS", "PSFS", "RMDQ"));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + patient.id() + "/outcomes")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void refusesAnOccasionTheScheduleHasNotOrThatIsNotDueYet() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        LocalDate today = LocalDate.now();
        refused(
                submit(patient, response(patient, "NPRS", "FOLLOW_UP", today.plusDays(3), Map.of("pain", 2))),
                422,
                "dueOn");
        refused(
                submit(patient, response(patient, "NPRS", "FOLLOW_UP", today.plusDays(14), Map.of("pain", 2))),
                422,
                "dueOn");
        // Backstrong ships no ODI wording, and this clinic loaded none.
        refused(submit(patient, response(patient, "ODI", "BASELINE", today, Map.of("s1", 2))), 422, "measure");
    }

    @Test
    void asecondResponseToTheSameOccasionIsAConflict() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        submit(patient, response(patient, "NPRS", "BASELINE", LocalDate.now(), Map.of("pain", 6)))
                .statusCode(201);
        submit(patient, response(patient, "NPRS", "BASELINE", LocalDate.now(), Map.of("pain", 2)))
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void anotherPatientsPlanIsNotFoundAndTheirIdIsTaken() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        SetLoggingTest.Patient other = SetLoggingTest.patientWithPlan(0);
        Map<String, Object> theirs = response(other, "NPRS", "BASELINE", LocalDate.now(), Map.of("pain", 6));
        submit(patient, theirs).statusCode(404).contentType("application/problem+json");
        submit(other, theirs).statusCode(201);
        Map<String, Object> mine = response(patient, "NPRS", "BASELINE", LocalDate.now(), Map.of("pain", 6));
        mine.put("id", theirs.get("id"));
        submit(patient, mine).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void theClinicianListsTheirPatientsResponsesAndAnotherClinicFindsNone() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        submit(patient, response(patient, "NPRS", "BASELINE", LocalDate.now(), Map.of("pain", 6)))
                .statusCode(201);
        submit(patient, rmdq(patient, LocalDate.now(), 9)).statusCode(201);
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + patient.id() + "/outcomes")
                .then()
                .statusCode(200)
                .body("measure", contains("NPRS", "RMDQ"))
                .body("basis", contains("NPRS: pain rated 6 of 10", "RMDQ: 9 of 24 statements ticked"));
        given().auth()
                .oauth2(Clinic.colin())
                .when()
                .get("/patients/" + patient.id() + "/outcomes")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void eachEndpointNeedsTheRightRole() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        given().when().get("/me/outcomes/due").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(response(patient, "NPRS", "BASELINE", LocalDate.now(), Map.of("pain", 6)))
                .when()
                .post("/me/outcomes")
                .then()
                .statusCode(401);
        given().when().get("/patients/" + patient.id() + "/outcomes").then().statusCode(401);
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/me/outcomes/due")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(patient.token())
                .when()
                .get("/patients/" + patient.id() + "/outcomes")
                .then()
                .statusCode(403);
    }

    static ValidatableResponse submit(SetLoggingTest.Patient patient, Map<String, Object> response) {
        return given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(response)
                .when()
                .post("/me/outcomes")
                .then();
    }

    static Map<String, Object> response(
            SetLoggingTest.Patient patient, String measure, String occasion, LocalDate dueOn, Map<String, ?> answers) {
        Map<String, Object> response = new HashMap<>();
        response.put("id", UUID.randomUUID().toString());
        response.put("planId", patient.planId());
        response.put("measure", measure);
        response.put("occasion", occasion);
        response.put("dueOn", dueOn.toString());
        response.put("answers", new HashMap<>(answers));
        return response;
    }

    /** An RMDQ baseline with the first {@code ticked} statements ticked. */
    static Map<String, Object> rmdq(SetLoggingTest.Patient patient, LocalDate dueOn, int ticked) {
        Map<String, Object> answers = new HashMap<>();
        for (int number = 1; number <= 24; number++) {
            answers.put("rmdq-" + number, number <= ticked);
        }
        return response(patient, "RMDQ", "BASELINE", dueOn, answers);
    }

    static Map<String, Object> psfsBaseline(SetLoggingTest.Patient patient, LocalDate dueOn) {
        return response(
                patient,
                "PSFS",
                "BASELINE",
                dueOn,
                Map.of(
                        "activity-1-name",
                        "Lifting the shopping",
                        "activity-1-rating",
                        3,
                        "activity-2-name",
                        "Gardening",
                        "activity-2-rating",
                        5,
                        "activity-3-name",
                        "Walking 30 minutes",
                        "activity-3-rating",
                        7));
    }

    private static void refused(ValidatableResponse answer, int status, String field) {
        answer.statusCode(status).contentType("application/problem+json").body("field", equalTo(field));
    }

    private static List<ConsumerRecord<String, String>> outcomeEvents(SetLoggingTest.Patient patient, int expected) {
        return Events.of(Topics.SET_EVENTS, patient.id(), expected).stream()
                .filter(record -> EventTypes.OUTCOME_RECORDED.equals(Events.type(record)))
                .toList();
    }
}
