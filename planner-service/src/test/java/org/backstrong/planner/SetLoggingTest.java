package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.messaging.Topics;
import org.backstrong.planner.repository.LoggedSetRepository;
import org.backstrong.testinfra.TestTokens;

@QuarkusTest
class SetLoggingTest {

    @Inject
    LoggedSetRepository sets;

    /** A patient with the built-in plan, every day, started {@code daysAgo} days ago. */
    record Patient(String id, String token, String planId, JsonPath plan) {
        String item(int index) {
            return plan.getString("items[" + index + "].id");
        }
    }

    static Patient patientWithPlan(int daysAgo) {
        String id = Clinic.enrolNewPatient();
        JsonPath plan = Clinic.assignBuiltIn(id, daysAgo);
        return new Patient(id, Clinic.patient(id), plan.getString("id"), plan);
    }

    static Map<String, Object> set(Patient patient, int item, int number) {
        Map<String, Object> set = new HashMap<>();
        set.put("setId", UUID.randomUUID().toString());
        set.put("planId", patient.planId());
        set.put("itemId", patient.item(item));
        set.put("date", LocalDate.now().toString());
        set.put("setNumber", number);
        set.put("reps", 8);
        set.put("loadKg", 15);
        set.put("rir", 3);
        set.put("pain", 1);
        set.put("beyondNormalFatigue", false);
        return set;
    }

    @Test
    void logsASetOnceHoweverOftenItIsSent() {
        Patient patient = patientWithPlan(0);
        Map<String, Object> set = set(patient, 2, 1);
        String first = given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201)
                .body("setId", equalTo(set.get("setId")))
                .body("stop", equalTo(false))
                .body("advice", nullValue())
                .extract()
                .asString();
        for (int resend = 0; resend < 3; resend++) {
            String again = given().auth()
                    .oauth2(patient.token())
                    .contentType(ContentType.JSON)
                    .body(set)
                    .when()
                    .post("/me/sets")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertEquals(first, again);
        }
        // A resend with other numbers still answers what was stored first.
        set.put("reps", 12);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/me/sets")
                .then()
                .statusCode(200)
                .body("reps", equalTo(8));

        assertEquals(1, sets.countOfSession(UUID.fromString(patient.planId()), LocalDate.now()));
        List<ConsumerRecord<String, String>> published = Events.of(Topics.SET_EVENTS, patient.id(), 1);
        assertEquals(1, published.size());
        assertEquals(EventTypes.SET_COMPLETED, Events.type(published.get(0)));
        JsonPath data = JsonPath.from(published.get(0).value());
        assertEquals(set.get("setId"), data.getString("setId"));
        assertEquals("lat-pulldown", data.getString("exerciseId"));
        assertEquals("clinic-a", data.getString("clinicId"));
        assertEquals(8, data.getInt("reps"));
    }

    @Test
    void theSetCompletedEventCarriesThePatientsNoteOrNull() {
        Patient patient = patientWithPlan(0);
        Map<String, Object> noted = set(patient, 2, 1);
        noted.put("pain", 7);
        noted.put("note", "sharp pain in my \"left\" side — stopped");
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(noted)
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201)
                .body("note", equalTo(noted.get("note")));
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set(patient, 3, 1))
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201);

        List<ConsumerRecord<String, String>> published = Events.of(Topics.SET_EVENTS, patient.id(), 2);
        assertEquals(2, published.size());
        JsonPath first = JsonPath.from(published.get(0).value());
        assertEquals(noted.get("setId"), first.getString("setId"));
        assertEquals("sharp pain in my \"left\" side — stopped", first.getString("note"));
        assertNull(JsonPath.from(published.get(1).value()).getString("note"), "no note: null");
    }

    @Test
    void painAboveFiveSaysStop() {
        Patient patient = patientWithPlan(0);
        Map<String, Object> set = set(patient, 2, 1);
        set.put("pain", 7);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201)
                .body("stop", equalTo(true))
                .body("advice", containsString("Pain beyond normal muscle fatigue is the signal to stop"));
        Map<String, Object> beyond = set(patient, 2, 2);
        beyond.put("pain", 3);
        beyond.put("beyondNormalFatigue", true);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(beyond)
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201)
                .body("stop", equalTo(true));
    }

    @Test
    void aSetSlotIsLoggedOnlyOnce() {
        Patient patient = patientWithPlan(0);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set(patient, 2, 1))
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set(patient, 2, 1))
                .when()
                .post("/me/sets")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://backstrong.org/problems/set-already-logged"));
    }

    @Test
    void completesASessionAndChecksInTheNextMorning() {
        Patient patient = patientWithPlan(1);
        LocalDate yesterday = LocalDate.now().minusDays(1);
        Map<String, Object> set = set(patient, 2, 1);
        set.put("date", yesterday.toString());
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201);
        Map<String, String> body = Map.of("planId", patient.planId());
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/me/sessions/" + yesterday + "/complete")
                .then()
                .statusCode(201)
                .body("setsLogged", equalTo(1))
                // warm-up 1 + 2 sets; eight exercises at 1 set, two of them on each side: 3 + 8 + 2 = 13
                .body("setsPrescribed", equalTo(13));
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/me/sessions/" + yesterday + "/complete")
                .then()
                .statusCode(200)
                .body("setsLogged", equalTo(1));

        Map<String, Object> checkIn = Map.of(
                "id", UUID.randomUUID().toString(), "date", LocalDate.now().toString(), "pain", 2);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(checkIn)
                .when()
                .post("/me/check-ins")
                .then()
                .statusCode(201)
                .body("pain", equalTo(2));
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(checkIn)
                .when()
                .post("/me/check-ins")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "date",
                        LocalDate.now().toString(),
                        "pain",
                        3))
                .when()
                .post("/me/check-ins")
                .then()
                .statusCode(409);

        assertEquals(
                List.of(EventTypes.SET_COMPLETED, EventTypes.SESSION_COMPLETED, EventTypes.MORNING_CHECK_IN),
                Events.of(Topics.SET_EVENTS, patient.id(), 3).stream()
                        .map(Events::type)
                        .toList());
    }

    /** The page and the device's worker may send the same check-in at once: one stores it, the others read it. */
    @Test
    void aCheckInSentSixTimesAtOnceIsStoredOnceAndAnsweredToEach() throws Exception {
        Patient patient = patientWithPlan(1);
        Map<String, Object> checkIn = Map.of(
                "id", UUID.randomUUID().toString(), "date", LocalDate.now().toString(), "pain", 2);
        ExecutorService senders = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int send = 0; send < 6; send++) {
                answers.add(senders.submit(() -> given().auth()
                        .oauth2(patient.token())
                        .contentType(ContentType.JSON)
                        .body(checkIn)
                        .when()
                        .post("/me/check-ins")
                        .then()
                        .extract()
                        .statusCode()));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            senders.shutdownNow();
        }

        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(
                List.of(EventTypes.MORNING_CHECK_IN),
                Events.of(Topics.SET_EVENTS, patient.id(), 1).stream()
                        .map(Events::type)
                        .toList());
    }

    @Test
    void showsTodaysSessionWarmUpFirstStartingLight() {
        Patient patient = patientWithPlan(0);
        given().auth()
                .oauth2(patient.token())
                .when()
                .get("/me/sessions/today")
                .then()
                .statusCode(200)
                .body("scheduled", equalTo(true))
                .body("week", equalTo(1))
                .body("startsLight", equalTo(true))
                .body("items[0].block", equalTo("warm-up"))
                .body("items[0].dose.seconds", equalTo(300))
                .body("items[2].exerciseName", equalTo("Lat Pulldown"))
                .body("items[2].steps[0]", equalTo("First step of Lat Pulldown."))
                .body("items[2].dose.reps", equalTo(8))
                .body("items[2].dose.sets", equalTo(1));
        Patient later = patientWithPlan(8);
        given().auth()
                .oauth2(later.token())
                .when()
                .get("/me/sessions/today")
                .then()
                .statusCode(200)
                .body("week", equalTo(2))
                .body("startsLight", equalTo(false))
                .body("items[2].dose.reps", nullValue())
                .body("items[2].dose.repsMax", equalTo(12));
    }

    static Stream<Arguments> badSets() {
        return Stream.of(
                bad("reps above 100", set -> set.put("reps", 101), 400, "reps"),
                bad("negative reps", set -> set.put("reps", -1), 400, "reps"),
                bad("pain 11", set -> set.put("pain", 11), 400, "pain"),
                bad("no pain", set -> set.remove("pain"), 400, "pain"),
                bad("reps in reserve 11", set -> set.put("rir", 11), 400, "rir"),
                bad("negative load", set -> set.put("loadKg", -2.5), 400, "loadKg"),
                bad("set 0", set -> set.put("setNumber", 0), 400, "setNumber"),
                bad("set beyond the maximum", set -> set.put("setNumber", 4), 400, "setNumber"),
                bad("no set id", set -> set.remove("setId"), 400, "setId"),
                bad("a set id that is no UUID", set -> set.put("setId", "abc"), 400, "setId"),
                bad("no reps for a reps exercise", set -> set.remove("reps"), 400, "reps"),
                bad("a side for a two-sided exercise", set -> set.put("side", "left"), 400, "side"),
                bad("an unknown side", set -> set.put("side", "middle"), 400, "side"),
                bad("pain as words", set -> set.put("pain", "a lot"), 400, "pain"),
                bad(
                        "an item of no plan",
                        set -> set.put("itemId", UUID.randomUUID().toString()),
                        422,
                        "itemId"),
                bad(
                        "tomorrow",
                        set -> set.put("date", LocalDate.now().plusDays(1).toString()),
                        422,
                        "date"),
                bad(
                        "before the plan",
                        set -> set.put("date", LocalDate.now().minusDays(1).toString()),
                        422,
                        "date"),
                bad("a field we do not know", set -> set.put("mood", "great"), 400, "mood"));
    }

    /** Numbers whose scale alone would cost the writer a huge rescale: refused before any arithmetic. */
    @ParameterizedTest(name = "{0} = {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "loadKg, 1e-100000",
        "loadKg, 1e-1000000000",
        "loadKg, 2.125",
        "rpe, 1e-100000",
        "rpe, 7.25"
    })
    void refusesANumberWithTooManyDecimalsNamingTheField(String field, String number) {
        Patient patient = patientWithPlan(0);
        Map<String, Object> set = set(patient, 2, 1);
        set.put(field, "NUMBER");
        String json;
        try {
            json = new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(set)
                    .replace("\"NUMBER\"", number);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(json)
                .when()
                .post("/me/sets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field));
        given().auth()
                .oauth2(patient.token())
                .when()
                .get("/me/sessions/today")
                .then()
                .body("items[2].logged.size()", equalTo(0));
    }

    private static Arguments bad(String what, Consumer<Map<String, Object>> spoil, int status, String field) {
        return Arguments.of(what, spoil, status, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSets")
    void rejectsABadSetNamingTheFieldAndStoresNothing(
            String what, Consumer<Map<String, Object>> spoil, int status, String field) {
        Patient patient = patientWithPlan(0);
        Map<String, Object> set = set(patient, 2, 1);
        spoil.accept(set);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/me/sets")
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("field", equalTo(field));
        assertEquals(0, sets.count("planId", UUID.fromString(patient.planId())));
    }

    @Test
    void aPerSideExerciseNeedsTheSide() {
        Patient patient = patientWithPlan(0);
        Map<String, Object> set = set(patient, 5, 1);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/me/sets")
                .then()
                .statusCode(400)
                .body("field", equalTo("side"));
        set.put("side", "left");
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201)
                .body("side", equalTo("left"));
    }

    @Test
    void aPatientLogsOnlyForThemself() {
        Patient paul = patientWithPlan(0);
        Patient petra = patientWithPlan(0);
        given().auth()
                .oauth2(petra.token())
                .contentType(ContentType.JSON)
                .body(set(paul, 2, 1))
                .when()
                .post("/me/sets")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(petra.token())
                .when()
                .get("/plans/" + paul.planId() + "/sessions/" + LocalDate.now())
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body(set(paul, 2, 1))
                .when()
                .post("/me/sets")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(set(paul, 2, 1))
                .when()
                .post("/me/sets")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.analyst("anna"))
                .when()
                .get("/me/sessions/today")
                .then()
                .statusCode(403);
        assertEquals(0, sets.count("planId", UUID.fromString(paul.planId())));
        // The clinician sees the patient's day.
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + paul.planId() + "/sessions/" + LocalDate.now())
                .then()
                .statusCode(200)
                .body("items", hasSize(10));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + paul.planId() + "/sessions/someday")
                .then()
                .statusCode(400)
                .body("field", equalTo("date"));
    }

    @Test
    void aPausedPlanTakesNoSets() {
        Patient patient = patientWithPlan(0);
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Flu"))
                .when()
                .post("/plans/" + patient.planId() + "/pause")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set(patient, 2, 1))
                .when()
                .post("/me/sets")
                .then()
                .statusCode(409)
                .body("detail", containsString("Flu"));
    }
}
