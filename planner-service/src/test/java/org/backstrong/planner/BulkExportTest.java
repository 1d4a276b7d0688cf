package org.backstrong.planner;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.backstrong.testinfra.FhirValidator;
import org.backstrong.testinfra.TestTokens;

/**
 * The clinic-wide FHIR bulk export (Patient/$export): kick-off, status, manifest and NDJSON files,
 * each line valid FHIR by HL7's validator and each resource once per file; bad kick-offs, other
 * clinics and patients refused; a job whose lease ran out taken up by the runner; progress-service
 * down or refusing an expired token said in the error file; DELETE. Each test has a clinic of its own.
 */
@QuarkusTest
class BulkExportTest {

    private static final Logger LOG = Logger.getLogger(BulkExportTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FHIR_JSON = "application/fhir+json";
    private static final String NDJSON = "application/fhir+ndjson";

    private static FhirValidator validator;

    @Inject
    DataSource database;

    @BeforeAll
    static void loadTheValidatorOnce() {
        validator = FhirValidator.load();
    }

    /** A clinic made for one test, with its clinician's token. */
    record TestClinic(String id, String clinician) {

        static TestClinic fresh() {
            String id = "export-" + UUID.randomUUID();
            return new TestClinic(id, TestTokens.clinician(UUID.randomUUID().toString(), id));
        }

        /** Patients of the clinic with the built-in plan, their ids in order (the export's order). */
        List<SetLoggingTest.Patient> patients(int count) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(UUID.randomUUID().toString());
            }
            ids.sort(String::compareTo);
            List<SetLoggingTest.Patient> patients = new ArrayList<>();
            for (String patient : ids) {
                given().auth()
                        .oauth2(clinician)
                        .contentType(ContentType.JSON)
                        .body(Map.of("id", patient, "displayName", "Export Patient", "preExistingCondition", false))
                        .when()
                        .post("/patients")
                        .then()
                        .statusCode(201);
                JsonPath plan = given().auth()
                        .oauth2(clinician)
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "templateId",
                                Clinic.BUILT_IN,
                                "startDate",
                                LocalDate.now().minusDays(2).toString(),
                                "weekdays",
                                Clinic.EVERY_DAY))
                        .when()
                        .post("/patients/" + patient + "/plans")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
                patients.add(new SetLoggingTest.Patient(
                        patient, TestTokens.patient(patient, id), plan.getString("id"), plan));
            }
            return patients;
        }
    }

    @Test
    void exportsTheClinicAsValidNdjsonWithEachResourceOncePerFile() throws Exception {
        TestClinic clinic = TestClinic.fresh();
        List<SetLoggingTest.Patient> patients = clinic.patients(2);
        for (SetLoggingTest.Patient patient : patients) {
            logSet(patient, LocalDate.now().minusDays(1), 2, Map.of("reps", 10, "loadKg", 15, "rir", 3));
        }
        String flagId = UUID.randomUUID().toString();
        stubFlag(patients.get(0), flagId);

        JsonPath manifest = done(clinic, kickOff(clinic, ""));
        assertTrue(manifest.getBoolean("requiresAccessToken"));
        assertTrue(manifest.getString("request").endsWith("/fhir/Patient/$export"), manifest.prettify());
        assertNotNull(manifest.getString("transactionTime"));
        assertNotNull(manifest.getString("extension.expires"));
        assertEquals(List.of(), manifest.getList("error"), manifest.prettify());

        Map<String, List<JsonNode>> files = new LinkedHashMap<>();
        List<ValidationMessage> all = new ArrayList<>();
        for (Map<String, Object> output : manifest.<Map<String, Object>>getList("output")) {
            String type = (String) output.get("type");
            List<String> lines = file(clinic.clinician(), (String) output.get("url"));
            assertEquals(((Number) output.get("count")).intValue(), lines.size(), type);
            List<JsonNode> resources = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (String line : lines) {
                IBaseResource parsed = FhirContext.forR4Cached().newJsonParser().parseResource(line);
                assertEquals(type, parsed.fhirType());
                JsonNode resource = JSON.readTree(line);
                assertTrue(ids.add(resource.path("id").asText()), type + " " + resource.path("id") + " twice");
                List<ValidationMessage> messages = validator.validate(line);
                assertNoErrors(type + "/" + resource.path("id").asText(), messages);
                all.addAll(messages);
                resources.add(resource);
            }
            files.put(type, resources);
        }
        int items = patients.get(0).plan().getList("items").size();
        assertEquals(2, files.get("Patient").size());
        assertEquals(2, files.get("CarePlan").size());
        assertEquals(2 * items, files.get("ServiceRequest").size());
        // Both plans use the same catalog versions and template: each definition once.
        assertEquals(items, files.get("ActivityDefinition").size());
        assertEquals(1, files.get("PlanDefinition").size());
        assertEquals(4, files.get("Observation").size(), "a session and its set, per patient");
        assertEquals(
                List.of(flagId),
                files.get("Flag").stream().map(flag -> flag.path("id").asText()).toList());
        // The job ran on its own thread, and still asked progress with the clinician's token of the kick-off.
        ProgressStub.server()
                .verify(getRequestedFor(
                                urlPathEqualTo("/patients/" + patients.get(0).id() + "/timeline"))
                        .withHeader(
                                "Authorization",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                        "Bearer " + clinic.clinician())));
        LOG.infof(
                "FHIR validator on a clinic's $export: %d resources, %d errors, %d warnings:\n%s",
                files.values().stream().mapToInt(List::size).sum(),
                FhirValidator.errors(all).size(),
                FhirValidator.warnings(all),
                FhirValidator.distinctWarnings(all));
    }

    @Test
    void typeNarrowsTheFiles() {
        TestClinic clinic = TestClinic.fresh();
        clinic.patients(1);
        JsonPath manifest = done(clinic, kickOff(clinic, "?_type=Patient,CarePlan&_outputFormat=ndjson"));
        assertEquals(List.of("Patient", "CarePlan"), manifest.getList("output.type"));
    }

    @Test
    void aBadKickOffIs400NamingItAndStartsNoJob() throws Exception {
        TestClinic clinic = TestClinic.fresh();
        long before = jobs();
        assertEquals("Prefer", expression(refused(clinic.clinician(), null, "", 400, "invalid")));
        assertEquals("Prefer", expression(refused(clinic.clinician(), "return=minimal", "", 400, "invalid")));
        assertEquals(
                "_type",
                expression(refused(clinic.clinician(), "respond-async", "?_type=Patient,Encounter", 400, "invalid")));
        assertEquals(
                "_outputFormat",
                expression(refused(
                        clinic.clinician(),
                        "respond-async",
                        "?_outputFormat=application/fhir%2Bjson",
                        400,
                        "invalid")));
        assertEquals(before, jobs());
    }

    @Test
    void anotherClinicsJobStatusFilesAndDeleteAreNotFound() {
        TestClinic clinic = TestClinic.fresh();
        clinic.patients(1);
        String status = kickOff(clinic, "?_type=Patient");
        JsonPath manifest = done(clinic, status);
        String file = manifest.getString("output[0].url");
        TestClinic other = TestClinic.fresh();
        outcome(other.clinician(), "GET", status, 404, "not-found");
        outcome(other.clinician(), "GET", file, 404, "not-found");
        outcome(other.clinician(), "DELETE", status, 404, "not-found");
        outcome(
                clinic.clinician(),
                "GET",
                status.replaceAll("[^/]+$", UUID.randomUUID().toString()),
                404,
                "not-found");
        outcome(clinic.clinician(), "GET", file.replace("/Patient.ndjson", "/Flag.ndjson"), 404, "not-found");
        assertEquals(1, file(clinic.clinician(), file).size(), "still there for its own clinic");
    }

    @Test
    void patientsAreForbiddenAndWithoutATokenTheAnswerIs401() {
        TestClinic clinic = TestClinic.fresh();
        SetLoggingTest.Patient patient = clinic.patients(1).get(0);
        String status = kickOff(clinic, "?_type=Patient");
        outcome(patient.token(), "GET", "/fhir/Patient/$export", 403, "forbidden");
        outcome(patient.token(), "GET", status, 403, "forbidden");
        given().urlEncodingEnabled(false)
                .header("Prefer", "respond-async")
                .when()
                .get("/fhir/Patient/$export")
                .then()
                .statusCode(401)
                .contentType(startsWith(FHIR_JSON))
                .body("issue[0].code", equalTo("login"));
        done(clinic, status);
    }

    @Test
    void aRunningJobAnswers202WithItsProgressAndDeleteStopsIt() throws Exception {
        TestClinic clinic = TestClinic.fresh();
        UUID id = UUID.randomUUID();
        // A job another instance runs right now: its lease is good for ten minutes.
        insertJob(
                id,
                clinic.id(),
                "RUNNING",
                "planner-elsewhere",
                OffsetDateTime.now().plusMinutes(10),
                40,
                12,
                null);
        String status = "/fhir/$export-status/" + id;
        given().auth()
                .oauth2(clinic.clinician())
                .urlEncodingEnabled(false)
                .when()
                .get(status)
                .then()
                .statusCode(202)
                .header("X-Progress", "12 of 40 patients")
                .header("Retry-After", "5");
        given().auth()
                .oauth2(clinic.clinician())
                .urlEncodingEnabled(false)
                .when()
                .delete(status)
                .then()
                .statusCode(202);
        outcome(clinic.clinician(), "GET", status, 404, "not-found");
    }

    @Test
    void aJobWhoseLeaseRanOutIsTakenUpFromItsPatientAndFinishedWithoutProgress() throws Exception {
        TestClinic clinic = TestClinic.fresh();
        List<SetLoggingTest.Patient> patients = clinic.patients(2);
        stubFlag(patients.get(1), UUID.randomUUID().toString());
        UUID id = UUID.randomUUID();
        // As an instance that died after its first patient leaves the row: the lease ran out a minute ago.
        insertJob(
                id,
                clinic.id(),
                "RUNNING",
                "planner-dead",
                OffsetDateTime.now().minusMinutes(1),
                2,
                1,
                patients.get(0).id());

        JsonPath manifest = done(clinic, "/fhir/$export-status/" + id);
        Map<String, Integer> counts = counts(manifest);
        assertEquals(1, counts.get("Patient"), manifest.prettify());
        assertFalse(counts.containsKey("Flag"), "progress is not asked without the kick-off's token");
        List<String> errors = file(clinic.clinician(), manifest.getString("error[0].url"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("progress-service was not asked"), errors.get(0));
        assertNoErrors("the error file's OperationOutcome", validator.validate(errors.get(0)));
        List<String> exported = file(clinic.clinician(), manifest.getString("output[0].url"));
        assertTrue(exported.get(0).contains(patients.get(1).id()), exported.get(0));
    }

    @Test
    void progressDownOrRefusingTheTokenIsSaidInTheErrorFileAndTheJobFinishes() throws Exception {
        TestClinic clinic = TestClinic.fresh();
        List<SetLoggingTest.Patient> patients = clinic.patients(3);
        stubTimeline(patients.get(0), 503);
        stubTimeline(patients.get(1), 401);
        stubFlag(patients.get(2), UUID.randomUUID().toString());

        JsonPath manifest = done(clinic, kickOff(clinic, ""));
        assertEquals(3, counts(manifest).get("Patient"));
        assertEquals("OperationOutcome", manifest.getString("error[0].type"));
        String errors = String.join("\n", file(clinic.clinician(), manifest.getString("error[0].url")));
        assertTrue(errors.contains("Patient/" + patients.get(0).id() + ": progress-service answered 503"), errors);
        assertTrue(
                errors.contains("Patient/" + patients.get(1).id() + ": progress-service refused the kick-off's access"
                        + " token"),
                errors);
        // Once refused, the token is not sent again: the third patient's flags are left out too, and said so.
        assertTrue(errors.contains("progress-service was not asked"), errors);
        assertFalse(counts(manifest).containsKey("Flag"), manifest.prettify());
        for (String line : file(clinic.clinician(), manifest.getString("error[0].url"))) {
            assertNoErrors("an OperationOutcome of the error file", validator.validate(line));
        }
    }

    @Test
    void deleteRemovesTheJobAndItsFiles() throws Exception {
        TestClinic clinic = TestClinic.fresh();
        clinic.patients(1);
        String status = kickOff(clinic, "");
        JsonPath manifest = done(clinic, status);
        String file = manifest.getString("output[0].url");
        UUID id = UUID.fromString(status.substring(status.lastIndexOf('/') + 1));
        assertTrue(lines(id) > 0);
        given().auth()
                .oauth2(clinic.clinician())
                .urlEncodingEnabled(false)
                .when()
                .delete(status)
                .then()
                .statusCode(202);
        outcome(clinic.clinician(), "GET", status, 404, "not-found");
        outcome(clinic.clinician(), "GET", file, 404, "not-found");
        outcome(clinic.clinician(), "DELETE", status, 404, "not-found");
        assertEquals(0, lines(id));
    }

    @Test
    void anExpiredJobIsNotFoundAndDeletedWithItsFiles() throws Exception {
        TestClinic clinic = TestClinic.fresh();
        UUID id = UUID.randomUUID();
        insertJob(
                id,
                clinic.id(),
                "RUNNING",
                "planner-elsewhere",
                OffsetDateTime.now().plusMinutes(10),
                1,
                1,
                null);
        try (Connection connection = database.getConnection();
                PreparedStatement line = connection.prepareStatement("INSERT INTO fhir_export_line"
                        + " (job_id, resource_type, resource_id, resource) VALUES (?, 'Patient', 'p', '{}')");
                PreparedStatement finish =
                        connection.prepareStatement("UPDATE fhir_export_job SET status = 'COMPLETED',"
                                + " owner = NULL, lease_until = NULL, finished_at = now() - interval '25 hours',"
                                + " expires_at = now() - interval '1 hour' WHERE id = ?")) {
            line.setObject(1, id);
            line.executeUpdate();
            finish.setObject(1, id);
            finish.executeUpdate();
        }
        outcome(clinic.clinician(), "GET", "/fhir/$export-status/" + id, 404, "not-found");
        outcome(clinic.clinician(), "GET", "/fhir/$export-file/" + id + "/Patient.ndjson", 404, "not-found");
        await().atMost(Duration.ofSeconds(20)).until(() -> lines(id) == 0 && jobs(id) == 0);
    }

    @Test
    void aBadJobIdOrTypeIs400NamingIt() {
        TestClinic clinic = TestClinic.fresh();
        assertEquals(
                "jobId", expression(outcome(clinic.clinician(), "GET", "/fhir/$export-status/12", 400, "invalid")));
        assertEquals(
                "type",
                expression(outcome(
                        clinic.clinician(),
                        "GET",
                        "/fhir/$export-file/" + UUID.randomUUID() + "/patient.ndjson",
                        400,
                        "invalid")));
    }

    /** Kicks off an export of the clinic: the status URL's path. */
    private static String kickOff(TestClinic clinic, String query) {
        String location = given().auth()
                .oauth2(clinic.clinician())
                .urlEncodingEnabled(false)
                .header("Prefer", "respond-async")
                .when()
                .get("/fhir/Patient/$export" + query)
                .then()
                .statusCode(202)
                .extract()
                .header("Content-Location");
        assertTrue(location.matches("http://.*/fhir/\\$export-status/[0-9a-f-]{36}"), location);
        return location.replaceFirst("^http://[^/]+", "");
    }

    /** Polls the status until the job is done: its manifest. */
    private static JsonPath done(TestClinic clinic, String status) {
        Response[] answer = new Response[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    answer[0] = given().auth()
                            .oauth2(clinic.clinician())
                            .urlEncodingEnabled(false)
                            .when()
                            .get(status);
                    if (answer[0].statusCode() == 202) {
                        assertNotNull(answer[0].header("X-Progress"));
                        assertNotNull(answer[0].header("Retry-After"));
                    }
                    return answer[0].statusCode() != 202;
                });
        assertEquals(200, answer[0].statusCode(), answer[0].asString());
        assertTrue(answer[0].contentType().startsWith("application/json"), answer[0].contentType());
        assertNotNull(answer[0].header("Expires"));
        return answer[0].jsonPath();
    }

    /** A file's lines, read as the manifest's url gives it. */
    private static List<String> file(String token, String url) {
        String body = given().auth()
                .oauth2(token)
                .urlEncodingEnabled(false)
                .when()
                .get(url.replaceFirst("^http://[^/]+", ""))
                .then()
                .statusCode(200)
                .contentType(startsWith(NDJSON))
                .extract()
                .asString();
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }

    private static Map<String, Integer> counts(JsonPath manifest) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map<String, Object> output : manifest.<Map<String, Object>>getList("output")) {
            counts.put((String) output.get("type"), ((Number) output.get("count")).intValue());
        }
        return counts;
    }

    private static String refused(String token, String prefer, String query, int status, String code) {
        var request = given().auth().oauth2(token).urlEncodingEnabled(false);
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        String body = request.when()
                .get("/fhir/Patient/$export" + query)
                .then()
                .statusCode(status)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo(code))
                .extract()
                .asString();
        assertNoErrors("the " + status + "'s OperationOutcome", validator.validate(body));
        return body;
    }

    private static String outcome(String token, String method, String path, int status, String code) {
        return given().auth()
                .oauth2(token)
                .urlEncodingEnabled(false)
                .when()
                .request(method, path.replaceFirst("^http://[^/]+", ""))
                .then()
                .statusCode(status)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo(code))
                .extract()
                .asString();
    }

    private static String expression(String outcome) {
        return JsonPath.from(outcome).getString("issue[0].expression[0]");
    }

    private static void logSet(SetLoggingTest.Patient patient, LocalDate date, int item, Map<String, Object> values) {
        Map<String, Object> set = SetLoggingTest.set(patient, item, 1);
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

    private static void stubTimeline(SetLoggingTest.Patient patient, int status) {
        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/patients/" + patient.id() + "/timeline"))
                        .willReturn(ProgressStub.json(status, "{}")));
    }

    private static void stubFlag(SetLoggingTest.Patient patient, String flagId) {
        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/patients/" + patient.id() + "/timeline"))
                        .willReturn(ProgressStub.json(200, """
                        {"patientId": "%s", "sessions": [], "checkIns": [], "decisions": [],
                         "flags": [{"id": "%s", "itemId": "%s", "exerciseId": "lat-pulldown", "severity": "WATCH",
                           "status": "OPEN", "rule": "MORNING_PAIN_UP", "evidence": "morning pain 2 points up",
                           "raisedAt": "%s", "resolutionNote": null}]}
                        """.formatted(
                                        patient.id(),
                                        flagId,
                                        patient.item(2),
                                        OffsetDateTime.now().minusDays(1)))));
    }

    private void insertJob(
            UUID id,
            String clinic,
            String status,
            String owner,
            OffsetDateTime leaseUntil,
            int total,
            int done,
            String lastPatient)
            throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO fhir_export_job (id, clinic_id, requested_by, request, types, status,
                            transaction_time, patients_total, patients_done, last_patient_id, owner, lease_until)
                        VALUES (?, ?, 'someone', ?, ?, ?, now(), ?, ?, ?, ?, ?)
                        """)) {
            insert.setObject(1, id);
            insert.setString(2, clinic);
            insert.setString(3, "http://localhost/fhir/Patient/$export");
            insert.setString(4, String.join(",", org.backstrong.planner.fhir.EverythingQuery.TYPES));
            insert.setString(5, status);
            insert.setInt(6, total);
            insert.setInt(7, done);
            insert.setString(8, lastPatient);
            insert.setString(9, owner);
            insert.setObject(10, leaseUntil);
            insert.executeUpdate();
        }
    }

    private long jobs() throws Exception {
        return count("SELECT count(*) FROM fhir_export_job", null);
    }

    private long jobs(UUID job) throws Exception {
        return count("SELECT count(*) FROM fhir_export_job WHERE id = ?", job);
    }

    private long lines(UUID job) throws Exception {
        return count("SELECT count(*) FROM fhir_export_line WHERE job_id = ?", job);
    }

    private long count(String sql, UUID job) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            if (job != null) {
                query.setObject(1, job);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void assertNoErrors(String what, List<ValidationMessage> messages) {
        List<ValidationMessage> errors = FhirValidator.errors(messages);
        assertTrue(errors.isEmpty(), what + ":\n" + FhirValidator.describe(errors));
    }
}
