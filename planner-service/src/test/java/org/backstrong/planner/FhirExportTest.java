package org.backstrong.planner;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.backstrong.planner.event.EventTypes;
import org.backstrong.testinfra.FhirValidator;

/**
 * The FHIR R4 export (/fhir): a realistic patient's $everything, every resource of it and the
 * bundle checked by HL7's validator with no error; the CapabilityStatement; errors as
 * OperationOutcomes.
 */
@QuarkusTest
class FhirExportTest {

    private static final Logger LOG = Logger.getLogger(FhirExportTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FHIR_JSON = "application/fhir+json";

    private static FhirValidator validator;

    @BeforeAll
    static void loadTheValidatorOnce() {
        validator = FhirValidator.load();
    }

    @Test
    void everythingOfAPatientWithThreeSessionsIsValidFhirWithNoErrors() throws Exception {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(3);
        LocalDate today = LocalDate.now();
        // Three sessions: the warm-up (seconds, a band), Lat Pulldown (kg, effort), a per-side row, a painful set.
        log(patient, today.minusDays(3), 0, 1, Map.of("seconds", 420));
        log(patient, today.minusDays(3), 1, 1, Map.of("reps", 15, "band", "yellow"));
        log(patient, today.minusDays(3), 2, 1, Map.of("reps", 10, "loadKg", 15, "rir", 3, "note", "Felt fine."));
        log(patient, today.minusDays(3), 2, 2, Map.of("reps", 9, "loadKg", 15, "rir", 2));
        log(patient, today.minusDays(2), 2, 1, Map.of("reps", 12, "loadKg", 15, "rpe", 7.5));
        log(patient, today.minusDays(2), 5, 1, Map.of("reps", 10, "loadKg", 4, "side", "left"));
        log(patient, today.minusDays(2), 5, 1, Map.of("reps", 10, "loadKg", 4, "side", "right"));
        log(
                patient,
                today.minusDays(1),
                2,
                1,
                Map.of("reps", 8, "loadKg", 15, "pain", 7, "beyondNormalFatigue", true, "note", "Sharp, left side."));

        // progress-service adds a set to Lat Pulldown; planner applies it (automatic, with the rule).
        String itemId = patient.item(2);
        Map<String, Object> decision = ProgressEvents.decision(
                patient,
                itemId,
                "ADD_SET",
                "You did all sets at 12 reps with reps to spare, so we added a set.",
                ProgressEvents.prescription(1, 15),
                ProgressEvents.prescription(2, 15));
        decision.put("decidedAt", OffsetDateTime.now().minusMinutes(1).toString());
        ProgressEvents.publish(patient.id(), UUID.randomUUID().toString(), EventTypes.PROGRESSION_ADJUSTED, decision);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(Clinic.clara())
                        .when()
                        .get("/plans/" + patient.planId() + "/audit")
                        .then()
                        .body("changedBy", hasItem("automatic")));
        String flagId = UUID.randomUUID().toString();
        stubTimeline(patient, decision, flagId);
        // The baseline's outcome measures, answered on the plan's first day.
        LocalDate start = today.minusDays(3);
        OutcomeMeasuresTest.submit(
                        patient, OutcomeMeasuresTest.response(patient, "NPRS", "BASELINE", start, Map.of("pain", 5)))
                .statusCode(201);
        OutcomeMeasuresTest.submit(patient, OutcomeMeasuresTest.psfsBaseline(patient, start))
                .statusCode(201);
        String rmdq = OutcomeMeasuresTest.submit(patient, OutcomeMeasuresTest.rmdq(patient, start, 14))
                .statusCode(201)
                .extract()
                .path("id");

        String body = given().auth()
                .oauth2(Clinic.clara())
                .urlEncodingEnabled(false)
                .when()
                .get("/fhir/Patient/" + patient.id() + "/$everything")
                .then()
                .statusCode(200)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .extract()
                .asString();
        JsonNode bundle = JSON.readTree(body);

        Map<String, List<JsonNode>> byType = new java.util.LinkedHashMap<>();
        for (JsonNode entry : bundle.path("entry")) {
            byType.computeIfAbsent(entry.path("resource").path("resourceType").asText(), type -> new ArrayList<>())
                    .add(entry.path("resource"));
        }
        int items = patient.plan().getList("items").size();
        assertEquals(1, byType.get("Patient").size());
        assertEquals(patient.id(), byType.get("Patient").get(0).path("id").asText());
        assertTrue(byType.get("Patient").get(0).path("name").isMissingNode(), "no name: planner needs none here");
        assertEquals(1, byType.get("CarePlan").size());
        JsonNode carePlan = byType.get("CarePlan").get(0);
        assertEquals("plan", carePlan.path("intent").asText());
        assertEquals("active", carePlan.path("status").asText());
        assertEquals(items, carePlan.path("activity").size());
        assertEquals(items, byType.get("ServiceRequest").size());
        assertEquals(items, byType.get("ActivityDefinition").size(), "one per exercise version used");
        assertEquals(1, byType.get("PlanDefinition").size());
        assertEquals(
                "https://backstrong.example/fhir/PlanDefinition/" + Clinic.BUILT_IN,
                carePlan.path("instantiatesCanonical").get(0).asText());
        JsonNode latPulldown = byType.get("ServiceRequest").stream()
                .filter(request -> request.path("id").asText().equals(itemId))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "229065009",
                latPulldown.path("code").path("coding").get(0).path("code").asText());
        assertEquals(
                "91251008",
                latPulldown
                        .path("category")
                        .get(0)
                        .path("coding")
                        .get(0)
                        .path("code")
                        .asText());
        String canonical = latPulldown.path("instantiatesCanonical").get(0).asText();
        assertEquals("https://backstrong.example/fhir/ActivityDefinition/lat-pulldown|1", canonical);
        assertTrue(byType.get("ActivityDefinition").stream()
                .anyMatch(definition -> (definition.path("url").asText() + "|"
                                + definition.path("version").asText())
                        .equals(canonical)));

        // 3 sessions, 8 sets, 3 outcome scores; each session has a member per set.
        List<JsonNode> sessions = byType.get("Observation").stream()
                .filter(observation -> observation.has("hasMember"))
                .toList();
        List<JsonNode> scores = byType.get("Observation").stream()
                .filter(observation -> observation.has("derivedFrom"))
                .toList();
        assertEquals(3, sessions.size());
        assertEquals(3, scores.size());
        assertEquals(8, byType.get("Observation").size() - sessions.size() - scores.size());
        assertEquals(3, byType.get("QuestionnaireResponse").size());
        JsonNode rmdqResponse = byType.get("QuestionnaireResponse").stream()
                .filter(response -> response.path("id").asText().equals(rmdq))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "https://backstrong.example/fhir/Questionnaire/rmdq|1.0.0",
                rmdqResponse.path("questionnaire").asText());
        assertEquals(24, rmdqResponse.path("item").size());
        assertEquals("rmdq-2", rmdqResponse.path("item").get(1).path("linkId").asText());
        JsonNode rmdqScore = scores.stream()
                .filter(score -> score.path("derivedFrom")
                        .get(0)
                        .path("reference")
                        .asText()
                        .equals("QuestionnaireResponse/" + rmdq))
                .findFirst()
                .orElseThrow();
        assertEquals(14.0, rmdqScore.path("valueQuantity").path("value").asDouble());
        assertEquals(
                "rmdq-score",
                rmdqScore.path("code").path("coding").get(0).path("code").asText());
        assertTrue(
                rmdqScore.path("note").get(0).path("text").asText().startsWith("RMDQ: 14 of 24 statements ticked"),
                rmdqScore.toString());
        assertEquals(
                8, sessions.stream().mapToInt(s -> s.path("hasMember").size()).sum());
        Set<String> codes = new HashSet<>();
        byType.get("Observation")
                .forEach(observation -> observation
                        .path("component")
                        .forEach(component -> codes.add(component
                                .path("code")
                                .path("coding")
                                .get(0)
                                .path("code")
                                .asText())));
        assertTrue(
                codes.containsAll(
                        Set.of("55411-3", "72514-3", "reps", "load", "band", "reps-in-reserve", "rpe", "side")),
                codes.toString());
        assertEquals(1, byType.get("Flag").size());
        assertEquals(flagId, byType.get("Flag").get(0).path("id").asText());
        JsonNode provenance = byType.get("Provenance").get(0);
        assertEquals(
                "ServiceRequest/" + itemId,
                provenance.path("target").get(0).path("reference").asText());
        assertEquals(
                "ADD_SET",
                provenance
                        .path("reason")
                        .get(0)
                        .path("coding")
                        .get(0)
                        .path("code")
                        .asText());
        assertEquals(
                decision.get("decisionId"),
                provenance
                        .path("entity")
                        .get(0)
                        .path("what")
                        .path("identifier")
                        .path("value")
                        .asText());

        List<ValidationMessage> all = new ArrayList<>(validator.validate(body));
        assertNoErrors("the Bundle", all);
        for (JsonNode entry : bundle.path("entry")) {
            List<ValidationMessage> messages = validator.validate(JSON.writeValueAsString(entry.path("resource")));
            assertNoErrors(entry.path("fullUrl").asText(), messages);
            all.addAll(messages);
        }
        LOG.infof(
                "FHIR validator on $everything: %d resources and the Bundle, %d errors, %d warnings:\n%s",
                bundle.path("entry").size(),
                FhirValidator.errors(all).size(),
                FhirValidator.warnings(all),
                FhirValidator.distinctWarnings(all));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nprs", "psfs", "rmdq"})
    void eachShippedQuestionnaireIsValidFhirWithNoErrors(String measure) throws Exception {
        String json;
        try (var in = getClass().getResourceAsStream("/questionnaires/" + measure + ".json")) {
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        JsonNode questionnaire = JSON.readTree(json);
        assertEquals("Questionnaire", questionnaire.path("resourceType").asText());
        assertEquals(
                "https://backstrong.example/fhir/Questionnaire/" + measure,
                questionnaire.path("url").asText());
        List<ValidationMessage> messages = validator.validate(json);
        assertNoErrors(measure + ".json", messages);
        LOG.infof(
                "FHIR validator on %s.json: %d errors, %d warnings:\n%s",
                measure,
                FhirValidator.errors(messages).size(),
                FhirValidator.warnings(messages),
                FhirValidator.distinctWarnings(messages));
    }

    @Test
    void theCapabilityStatementIsPublicAndValid() {
        String body = given().when()
                .get("/fhir/metadata")
                .then()
                .statusCode(200)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("fhirVersion", equalTo("4.0.1"))
                .body("rest[0].resource[0].type", equalTo("Patient"))
                .body("rest[0].resource[0].operation[0].name", equalTo("everything"))
                .body("rest[0].resource[0].operation[1].name", equalTo("export"))
                .extract()
                .asString();
        assertNoErrors("the CapabilityStatement", validator.validate(body));
    }

    @Test
    void xmlIsNotServed() {
        given().accept("application/fhir+xml")
                .when()
                .get("/fhir/metadata")
                .then()
                .statusCode(406)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-supported"));
    }

    @Test
    void anotherClinicsPatientIsNotFound() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        outcome(Clinic.colin(), "/fhir/Patient/" + patient.id() + "/$everything", 404, "not-found");
    }

    @Test
    void anUnknownPatientIsNotFound() {
        outcome(Clinic.clara(), "/fhir/Patient/" + UUID.randomUUID() + "/$everything", 404, "not-found");
    }

    @Test
    void aBadParameterIs400NamingIt() {
        String patient = Clinic.enrolNewPatient();
        String everything = "/fhir/Patient/" + patient + "/$everything";
        assertEquals("start", expression(outcome(Clinic.clara(), everything + "?start=2026-13-01", 400, "invalid")));
        assertEquals("end", expression(outcome(Clinic.clara(), everything + "?end=yesterday", 400, "invalid")));
        assertEquals(
                "end",
                expression(outcome(Clinic.clara(), everything + "?start=2026-02-01&end=2026-01-01", 400, "invalid")));
        assertEquals(
                "_type", expression(outcome(Clinic.clara(), everything + "?_type=Patient,Encounter", 400, "invalid")));
        assertEquals(
                "id", expression(outcome(Clinic.clara(), "/fhir/Patient/not_a_fhir_id/$everything", 400, "invalid")));
        assertEquals("start", expression(outcome(Clinic.clara(), everything + "?start=2026-01-01%00", 400, "invalid")));
    }

    @Test
    void aPatientsOwnTokenIsForbidden() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        outcome(patient.token(), "/fhir/Patient/" + patient.id() + "/$everything", 403, "forbidden");
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        String body = given().urlEncodingEnabled(false)
                .when()
                .get("/fhir/Patient/" + UUID.randomUUID() + "/$everything")
                .then()
                .statusCode(401)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("login"))
                .extract()
                .asString();
        assertNoErrors("the 401's OperationOutcome", validator.validate(body));
    }

    @Test
    void aTokenThatIsNoTokenIs401() {
        given().auth()
                .oauth2("not-a-token")
                .urlEncodingEnabled(false)
                .when()
                .get("/fhir/Patient/" + UUID.randomUUID() + "/$everything")
                .then()
                .statusCode(401)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("login"));
    }

    @Test
    void typeAndDatesNarrowTheBundle() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(2);
        LocalDate today = LocalDate.now();
        log(patient, today.minusDays(2), 2, 1, Map.of("reps", 10, "loadKg", 15));
        log(patient, today, 2, 1, Map.of("reps", 10, "loadKg", 15));
        JsonPath bundle = given().auth()
                .oauth2(Clinic.clara())
                .urlEncodingEnabled(false)
                .when()
                .get("/fhir/Patient/" + patient.id() + "/$everything?_type=Observation&start=" + today)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("Observation", "Observation"), bundle.getList("entry.resource.resourceType"));
        assertEquals(today.toString(), bundle.getString("entry[0].resource.effectiveDateTime"));
    }

    @Test
    void withProgressDownTheBundleSaysWhatItLeavesOut() throws Exception {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/patients/" + patient.id() + "/timeline"))
                        .willReturn(ProgressStub.json(503, "{}")));
        String body = given().auth()
                .oauth2(Clinic.clara())
                .urlEncodingEnabled(false)
                .when()
                .get("/fhir/Patient/" + patient.id() + "/$everything")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonPath bundle = JsonPath.from(body);
        assertEquals(
                0,
                bundle.getList("entry.findAll { it.resource.resourceType == 'Flag' }")
                        .size());
        assertEquals(
                "outcome",
                bundle.getString("entry.find { it.resource.resourceType == 'OperationOutcome' }.search.mode"));
        assertTrue(bundle.getString(
                        "entry.find { it.resource.resourceType == 'OperationOutcome' }.resource.issue[0].diagnostics")
                .contains("progress-service"));
        assertNoErrors("the Bundle without progress", validator.validate(body));
    }

    private static void log(
            SetLoggingTest.Patient patient, LocalDate date, int item, int number, Map<String, Object> values) {
        Map<String, Object> set = SetLoggingTest.set(patient, item, number);
        set.remove("reps");
        set.remove("loadKg");
        set.remove("rir");
        set.put("date", date.toString());
        set.putAll(values);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201);
    }

    private static void stubTimeline(SetLoggingTest.Patient patient, Map<String, Object> decision, String flagId) {
        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/patients/" + patient.id() + "/timeline"))
                        .willReturn(ProgressStub.json(200, """
                        {"patientId": "%s", "sessions": [], "checkIns": [],
                         "decisions": [{"id": "%s", "sessionDate": "%s", "itemId": "%s", "exerciseId": "lat-pulldown",
                           "outcome": "PROGRESS", "rule": "ADD_SET", "reason": "%s",
                           "suggestedVariantId": null, "decidedAt": "%s"}],
                         "flags": [{"id": "%s", "itemId": "%s", "exerciseId": "lat-pulldown", "severity": "STOP",
                           "status": "OPEN", "rule": "PAIN_ABOVE_FIVE", "evidence": "pain 7 during set 1 (above 5)",
                           "raisedAt": "%s", "resolutionNote": null}]}
                        """.formatted(
                                        patient.id(),
                                        decision.get("decisionId"),
                                        LocalDate.now().minusDays(2),
                                        patient.item(2),
                                        decision.get("reason"),
                                        decision.get("decidedAt"),
                                        flagId,
                                        patient.item(2),
                                        OffsetDateTime.now().minusDays(1)))));
    }

    private static String outcome(String token, String path, int status, String code) {
        String body = given().auth()
                .oauth2(token)
                .urlEncodingEnabled(false)
                .when()
                .get(path)
                .then()
                .statusCode(status)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("error"))
                .body("issue[0].code", equalTo(code))
                .extract()
                .asString();
        assertNoErrors("the " + status + "'s OperationOutcome", validator.validate(body));
        return body;
    }

    private static String expression(String outcome) {
        return JsonPath.from(outcome).getString("issue[0].expression[0]");
    }

    private static void assertNoErrors(String what, List<ValidationMessage> messages) {
        List<ValidationMessage> errors = FhirValidator.errors(messages);
        assertTrue(errors.isEmpty(), what + ":\n" + FhirValidator.describe(errors));
    }
}
