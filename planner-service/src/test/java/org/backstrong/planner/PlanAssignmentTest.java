package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.messaging.Topics;
import org.backstrong.testinfra.KafkaProbe;
import org.backstrong.testinfra.TestTokens;

@QuarkusTest
class PlanAssignmentTest {

    @Test
    void aPreExistingConditionNeedsClearanceBeforeAPlanStarts() {
        String id = UUID.randomUUID().toString();
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of("id", id, "displayName", "Sam Sciatica", "preExistingCondition", true))
                .when()
                .post("/patients")
                .then()
                .statusCode(201)
                .body("preExistingCondition", equalTo(true));
        Map<String, Object> assignment = Map.of(
                "templateId", Clinic.BUILT_IN, "startDate", LocalDate.now().toString(), "weekdays", List.of(1, 3, 5));

        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(assignment)
                .when()
                .post("/patients/" + id + "/plans")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://backstrong.org/problems/clearance-required"))
                .body("detail", containsString("professional clearance"));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + id + "/plans")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));

        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "preExistingCondition",
                        true,
                        "clearedOn",
                        LocalDate.now().minusDays(3).toString(),
                        "clearedBy",
                        "Dr. Physio"))
                .when()
                .put("/patients/" + id + "/screening")
                .then()
                .statusCode(200)
                .body("clearedBy", equalTo("Dr. Physio"));
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(assignment)
                .when()
                .post("/patients/" + id + "/plans")
                .then()
                .statusCode(201)
                .body("status", equalTo("active"))
                .body("weekdays", equalTo(List.of(1, 3, 5)));
    }

    @Test
    void aPlanIsThePatientsOwnCopyAndPublishesPlanAssigned() {
        String patient = Clinic.enrolNewPatient();
        JsonPath plan = Clinic.assignBuiltIn(patient, 0);
        String planId = plan.getString("id");
        assertEquals(10, plan.getList("items").size());
        assertEquals(LocalDate.now().plusWeeks(4).minusDays(1).toString(), plan.getString("endDate"));

        String itemId = plan.getString("items[2].id");
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "prescription",
                        Map.of("sets", 2, "setsMax", 3, "repsMin", 8, "repsMax", 12, "loadKind", "kg", "loadKg", 17.5),
                        "reason",
                        "Handles 15 kg easily"))
                .when()
                .put("/plans/" + planId + "/items/" + itemId)
                .then()
                .statusCode(200)
                .body("items[2].prescription.loadKg", equalTo(17.5f))
                .body("items[2].prescription.sets", equalTo(2));
        // The template is untouched.
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/templates/" + Clinic.BUILT_IN)
                .then()
                .body("items[2].prescription.loadKg", equalTo(15.0f))
                .body("items[2].prescription.sets", equalTo(1));

        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + planId + "/audit")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[1].changedBy", equalTo(Clinic.CLARA))
                .body("[1].reason", equalTo("Handles 15 kg easily"))
                .body("[1].before.loadKg", equalTo(15.0f))
                .body("[1].after.loadKg", equalTo(17.5f));

        List<ConsumerRecord<String, String>> events = Events.of(Topics.PLAN_EVENTS, patient, 2);
        assertEquals(
                List.of(EventTypes.PLAN_ASSIGNED, EventTypes.PLAN_CHANGED),
                events.stream().map(Events::type).toList());
        ConsumerRecord<String, String> assigned = events.get(0);
        assertEquals("1.0", KafkaProbe.header(assigned, "ce_specversion"));
        assertEquals(patient, KafkaProbe.header(assigned, "ce_subject"));
        assertEquals("/planner-service", KafkaProbe.header(assigned, "ce_source"));
        JsonPath data = JsonPath.from(assigned.value());
        assertEquals(planId, data.getString("planId"));
        assertEquals("clinic-a", data.getString("clinicId"));
        assertEquals(10, data.getList("items").size());
        assertEquals("lat-pulldown", data.getString("items[2].exerciseId"));
        assertEquals(List.of(itemId), JsonPath.from(events.get(1).value()).getList("changedItemIds"));
    }

    @Test
    void pausesResumesAndEndsAPlanPublishingEachChange() {
        String patient = Clinic.enrolNewPatient();
        String planId = Clinic.assignBuiltIn(patient, 0).getString("id");
        Map<String, String> why = Map.of("reason", "Travelling for two weeks");
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(why)
                .when()
                .post("/plans/" + planId + "/pause")
                .then()
                .statusCode(200)
                .body("status", equalTo("paused"));
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(why)
                .when()
                .post("/plans/" + planId + "/pause")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Back home"))
                .when()
                .post("/plans/" + planId + "/resume")
                .then()
                .statusCode(200)
                .body("status", equalTo("active"));
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Goals met"))
                .when()
                .post("/plans/" + planId + "/end")
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"));
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Again"))
                .when()
                .post("/plans/" + planId + "/resume")
                .then()
                .statusCode(409);

        assertEquals(
                List.of(
                        EventTypes.PLAN_ASSIGNED,
                        EventTypes.PLAN_PAUSED,
                        EventTypes.PLAN_RESUMED,
                        EventTypes.PLAN_ENDED),
                Events.of(Topics.PLAN_EVENTS, patient, 4).stream()
                        .map(Events::type)
                        .toList());
        // A new plan may follow once the last one ended.
        Clinic.assignBuiltIn(patient, 0);
    }

    @Test
    void aPatientFollowsOnePlanAtATime() {
        String patient = Clinic.enrolNewPatient();
        Clinic.assignBuiltIn(patient, 0);
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "templateId",
                        Clinic.BUILT_IN,
                        "startDate",
                        LocalDate.now().toString(),
                        "weekdays",
                        List.of(2)))
                .when()
                .post("/patients/" + patient + "/plans")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://backstrong.org/problems/plan-in-progress"));
    }

    @Test
    void anotherClinicSeesNoneOfIt() {
        String patient = Clinic.enrolNewPatient();
        String planId = Clinic.assignBuiltIn(patient, 0).getString("id");
        String itemId = given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + planId)
                .then()
                .extract()
                .path("items[0].id");
        given().auth()
                .oauth2(Clinic.colin())
                .when()
                .get("/patients/" + patient)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Clinic.colin())
                .when()
                .get("/patients/" + patient + "/plans")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Clinic.colin())
                .when()
                .get("/plans/" + planId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Clinic.colin())
                .when()
                .get("/plans/" + planId + "/audit")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Clinic.colin())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "x"))
                .when()
                .post("/plans/" + planId + "/pause")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Clinic.colin())
                .contentType(ContentType.JSON)
                .body(Map.of("prescription", Map.of("loadKind", "bodyweight"), "reason", "x"))
                .when()
                .put("/plans/" + planId + "/items/" + itemId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Clinic.colin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "templateId",
                        Clinic.BUILT_IN,
                        "startDate",
                        LocalDate.now().toString(),
                        "weekdays",
                        List.of(1)))
                .when()
                .post("/patients/" + patient + "/plans")
                .then()
                .statusCode(404);
        // The patient reads their own plan; another patient does not.
        given().auth()
                .oauth2(Clinic.patient(patient))
                .when()
                .get("/plans/" + planId)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Clinic.patient(UUID.randomUUID().toString()))
                .when()
                .get("/plans/" + planId)
                .then()
                .statusCode(404);
    }

    @Test
    void onlyCliniciansEnrolAndAssign() {
        String patient = Clinic.enrolNewPatient();
        Map<String, Object> assignment = Map.of(
                "templateId", Clinic.BUILT_IN, "startDate", LocalDate.now().toString(), "weekdays", List.of(1));
        given().contentType(ContentType.JSON)
                .body(assignment)
                .when()
                .post("/patients/" + patient + "/plans")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Clinic.patient(patient))
                .contentType(ContentType.JSON)
                .body(assignment)
                .when()
                .post("/patients/" + patient + "/plans")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.analyst("anna"))
                .when()
                .get("/patients/" + patient)
                .then()
                .statusCode(403);
        given().when().get("/plans/" + UUID.randomUUID()).then().statusCode(401);
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no display name       | {\"id\":\"p-1\",\"displayName\":\"\",\"preExistingCondition\":false}                       | displayName",
                "id with spaces        | {\"id\":\"p 1\",\"displayName\":\"P\",\"preExistingCondition\":false}                      | id",
                "screening left out    | {\"id\":\"p-2\",\"displayName\":\"P\"}                                                      | preExistingCondition",
                "clearance in future   | {\"id\":\"p-3\",\"displayName\":\"P\",\"preExistingCondition\":true,\"clearedOn\":\"2999-01-01\"} | clearedOn",
                "clearance, no condition | {\"id\":\"p-4\",\"displayName\":\"P\",\"preExistingCondition\":false,\"clearedOn\":\"2026-01-01\"} | clearedOn",
                "not JSON              | {\"id\":                                                                                | body",
            })
    void rejectsABadEnrolmentNamingTheField(String what, String body, String field) {
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/patients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no template        | {\"startDate\":\"2026-12-01\",\"weekdays\":[1]}                                    | templateId   | 400",
                "no weekdays        | {\"templateId\":\"00000000-0000-4000-8000-000000000b04\",\"startDate\":\"2026-12-01\",\"weekdays\":[]} | weekdays | 400",
                "weekday 8          | {\"templateId\":\"00000000-0000-4000-8000-000000000b04\",\"startDate\":\"2026-12-01\",\"weekdays\":[8]} | weekdays[0] | 400",
                "a date that is not | {\"templateId\":\"00000000-0000-4000-8000-000000000b04\",\"startDate\":\"tomorrow\",\"weekdays\":[1]} | startDate | 400",
                "unknown template   | {\"templateId\":\"00000000-0000-4000-8000-000000000000\",\"startDate\":\"2026-12-01\",\"weekdays\":[1]} | templateId | 422",
            })
    void rejectsABadAssignmentNamingTheField(String what, String body, String field, int status) {
        String patient = Clinic.enrolNewPatient();
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/patients/" + patient + "/plans")
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("field", equalTo(field));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + patient + "/plans")
                .then()
                .body("$", hasSize(0));
    }

    @Test
    void rejectsAnIncoherentPrescriptionEditAndKeepsThePrescription() {
        String patient = Clinic.enrolNewPatient();
        JsonPath plan = Clinic.assignBuiltIn(patient, 0);
        String planId = plan.getString("id");
        Map<String, Object> prescription = new HashMap<>(
                Map.of("sets", 3, "setsMax", 2, "repsMin", 8, "repsMax", 12, "loadKind", "kg", "loadKg", 15));
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of("prescription", prescription, "reason", "More"))
                .when()
                .put("/plans/" + planId + "/items/" + plan.getString("items[2].id"))
                .then()
                .statusCode(400)
                .body("field", equalTo("prescription.setsMax"));
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of("prescription", Map.of("loadKind", "kg", "loadKg", 15, "repsMin", 8, "repsMax", 12)))
                .when()
                .put("/plans/" + planId + "/items/" + plan.getString("items[2].id"))
                .then()
                .statusCode(400)
                .body("field", equalTo("reason"));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + planId)
                .then()
                .body("items[2].prescription.sets", equalTo(1))
                .body("version", equalTo(plan.getInt("version")));
    }
}
