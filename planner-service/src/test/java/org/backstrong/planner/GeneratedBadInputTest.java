package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import org.backstrong.testinfra.BadInputCases;
import org.backstrong.testinfra.BadInputCases.Case;
import org.backstrong.testinfra.BadInputCases.Valid;
import org.backstrong.testinfra.DatabaseSnapshot;
import org.backstrong.testinfra.OversizedBody;
import org.backstrong.testinfra.TestTokens;

/**
 * Every operation of the published OpenAPI document, every parameter and every body property,
 * with one bad value at a time (BadInputCases): a 4xx problem naming the field, and the database
 * as it was.
 */
@QuarkusTest
class GeneratedBadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PAUL = "22222222-2222-4222-8222-000000000001";
    private static final String DAY = "2025-01-06";

    /** A valid request per operation; only the one bad value differs. */
    private static Map<String, Valid> valid() {
        String plan = UUID.randomUUID().toString();
        Map<String, String> planIds =
                Map.of("id", plan, "itemId", UUID.randomUUID().toString(), "date", DAY);
        String set = "{\"setId\": \"" + UUID.randomUUID() + "\", \"planId\": \"" + plan + "\", \"itemId\": \""
                + UUID.randomUUID() + "\", \"date\": \"" + DAY + "\", \"setNumber\": 1, \"reps\": 10, \"loadKg\": 12.5,"
                + " \"rir\": 2, \"rpe\": 7.5, \"pain\": 2, \"beyondNormalFatigue\": false, \"note\": \"Felt fine.\"}";
        String completion = "{\"planId\": \"" + plan + "\"}";
        String checkIn = "{\"id\": \"" + UUID.randomUUID() + "\", \"date\": \"" + DAY + "\", \"pain\": 1}";
        String reason = "{\"reason\": \"Back from holiday.\"}";
        String outcome = "{\"id\": \"" + UUID.randomUUID() + "\", \"planId\": \"" + plan
                + "\", \"measure\": \"NPRS\", \"occasion\": \"BASELINE\", \"dueOn\": \"" + DAY
                + "\", \"answers\": {\"pain\": 3}}";
        Map<String, Valid> valid = new HashMap<>();
        valid.put(
                "POST /patients",
                Valid.of(
                        Map.of(),
                        "{\"id\": \"generated-bad-input\", \"displayName\": \"Gen Patient\","
                                + " \"preExistingCondition\": true, \"clearedOn\": \"" + DAY
                                + "\", \"clearedBy\": \"Dr Who\"}"));
        valid.put(
                "PUT /patients/{id}/screening",
                Valid.of(
                        Map.of("id", PAUL),
                        "{\"preExistingCondition\": true, \"clearedOn\": \"" + DAY + "\", \"clearedBy\": \"Dr Who\"}"));
        valid.put(
                "POST /patients/{id}/plans",
                Valid.of(
                        Map.of("id", PAUL),
                        "{\"templateId\": \"" + Clinic.BUILT_IN + "\", \"startDate\": \"" + DAY
                                + "\", \"weekdays\": [1, 3, 5]}"));
        valid.put(
                "POST /templates",
                Valid.of(
                        Map.of(),
                        "{\"name\": \"Generated\", \"goal\": \"Stronger back\", \"weeks\": 4,"
                                + " \"sessionsPerWeek\": 3, \"items\": [{\"block\": \"main\", \"exerciseId\": \"lat-pulldown\","
                                + " \"prescription\": " + PRESCRIPTION + "}]}"));
        valid.put(
                "PUT /plans/{id}/items/{itemId}",
                Valid.of(planIds, "{\"prescription\": " + PRESCRIPTION + ", \"reason\": \"Stronger now.\"}"));
        for (String change : List.of("pause", "resume", "end")) {
            valid.put("POST /plans/{id}/" + change, Valid.of(planIds, reason));
        }
        for (String me : List.of("/me", "/app/api/me")) {
            valid.put("POST " + me + "/sets", Valid.of(Map.of(), set));
            valid.put("POST " + me + "/sessions/{date}/complete", Valid.of(planIds, completion));
            valid.put("POST " + me + "/check-ins", Valid.of(Map.of(), checkIn));
            valid.put("GET " + me + "/sessions/{date}", Valid.of(planIds, null));
        }
        valid.put("POST /me/outcomes", Valid.of(Map.of(), outcome));
        try {
            valid.put(
                    "PUT /clinic/questionnaires/odi",
                    Valid.of(Map.of(), JSON.writeValueAsString(OdiWordingTest.placeholderOdi(odi -> {}))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        valid.put("GET /plans/{id}/sessions/{date}", Valid.of(planIds, null));
        valid.put("GET /app/me/sessions/{date}", Valid.of(planIds, null));
        return valid;
    }

    /** Every field of a prescription set, so each is tried. */
    private static final String PRESCRIPTION = "{\"doseKind\": \"reps\", \"sets\": 2, \"setsMax\": 3, \"repsMin\": 8,"
            + " \"repsMax\": 12, \"holdSeconds\": 2, \"perSide\": false, \"loadKind\": \"kg\", \"loadKg\": 10,"
            + " \"restSeconds\": 60, \"loadStepPercent\": 5, \"harderVariantId\": \"band-pull-apart\", \"notes\": \"Slowly.\"}";

    private static final Map<String, String> TOKENS = Map.of(
            "clinician",
            Clinic.clara(),
            "patient",
            Clinic.patient(PAUL),
            "analyst",
            TestTokens.analyst("33333333-3333-4333-8333-000000000001"),
            "admin",
            TestTokens.admin("44444444-4444-4444-8444-000000000001"));

    @Inject
    DataSource database;

    @Test
    void refusesEveryBadValueOfEveryOperationNamingTheFieldAndStoresNothing() throws Exception {
        JsonNode openApi = JSON.readTree(
                given().accept("application/json").get("/q/openapi?format=json").asString());
        List<Case> cases = BadInputCases.of(openApi, valid(), Set.of());
        assertTrue(cases.size() > 500, "only " + cases.size() + " cases were generated");
        List<String> failures = new ArrayList<>();
        for (Case bad : cases) {
            String before = snapshot();
            Response answer = send(bad);
            String problem = problemOf(bad, answer);
            if (problem != null) {
                failures.add(bad + ": " + problem);
            } else if (!before.equals(snapshot())) {
                failures.add(bad + ": the database changed");
            }
        }
        Logger.getLogger(GeneratedBadInputTest.class)
                .infof(
                        "%d generated bad requests sent, %d not refused as they should be",
                        cases.size(), failures.size());
        assertEquals(
                "",
                failures.stream().collect(Collectors.joining("\n")),
                failures.size() + " of " + cases.size() + " bad requests were not refused as they should be");
    }

    @TestHTTPResource("/patients")
    URI bodyOperation;

    /** Announced by Content-Length (refused before it is read) or sent in chunks (refused while read). */
    @Test
    void refusesAnOversizedBodyAsAProblemNamingBody() throws Exception {
        String before = snapshot();
        for (OversizedBody.Answer answer : List.of(
                OversizedBody.withLength(bodyOperation, Clinic.clara(), 3_000_000),
                OversizedBody.chunked(bodyOperation, Clinic.clara(), 3_000_000))) {
            assertEquals(413, answer.status(), answer.toString());
            assertTrue(
                    answer.headers().getOrDefault("content-type", "").startsWith("application/problem+json"),
                    answer.toString());
            assertEquals("body", JSON.readTree(answer.body()).path("field").asText(), answer.body());
        }
        assertEquals(before, snapshot());
    }

    static Response send(Case bad) {
        RequestSpecification request = given().urlEncodingEnabled(false).headers(bad.headers());
        if (!bad.roles().isEmpty()) {
            request.auth().oauth2(TOKENS.get(bad.roles().get(0)));
        }
        if (bad.body() != null) {
            request.contentType("application/json").body(bad.body());
        }
        String query = bad.query().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return request.request(bad.method(), query.isEmpty() ? bad.path() : bad.path() + "?" + query);
    }

    /** What is wrong with the answer to a bad request, or null when it is as it should be. */
    static String problemOf(Case bad, Response answer) {
        int status = answer.statusCode();
        if (status < 400 || status >= 500) {
            return "answered " + status + " " + answer.asString();
        }
        if (bad.path().startsWith("/fhir/")) {
            return outcomeProblemOf(bad, answer);
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return "answered " + status + " as " + answer.contentType();
        }
        String field = answer.jsonPath().getString("field");
        if (!bad.field().equals(field)) {
            return "named " + field + " instead of " + bad.field() + " ("
                    + answer.jsonPath().getString("detail") + ")";
        }
        return null;
    }

    /** Under /fhir a refusal is FHIR's OperationOutcome, the parameter named in its issue's expression. */
    private static String outcomeProblemOf(Case bad, Response answer) {
        if (!answer.contentType().startsWith("application/fhir+json")) {
            return "answered " + answer.statusCode() + " as " + answer.contentType();
        }
        String field = answer.jsonPath().getString("issue[0].expression[0]");
        if (!"OperationOutcome".equals(answer.jsonPath().getString("resourceType"))
                || !bad.field().equals(field)) {
            return "named " + field + " instead of " + bad.field() + " ("
                    + answer.jsonPath().getString("issue[0].diagnostics") + ")";
        }
        return null;
    }

    private String snapshot() throws Exception {
        try (Connection connection = database.getConnection()) {
            return DatabaseSnapshot.of(connection);
        }
    }
}
