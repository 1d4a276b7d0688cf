package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private static final String CLARA = "11111111-1111-4111-8111-000000000001";
    private static final String FLAG = "5f0c8a1e-0000-4000-8000-000000000001";

    /** A valid request per operation; only the one bad value differs. */
    private static Map<String, Valid> valid() {
        return Map.of(
                "POST /pain-flags/{id}/resolve",
                        Valid.of(Map.of("id", FLAG), "{\"note\": \"Checked the form with the patient.\"}"),
                "POST /pain-flags/{id}/acknowledge", Valid.of(Map.of("id", FLAG), null),
                "GET /patients/{id}/timeline", Valid.of(Map.of("id", "22222222-2222-4222-8222-000000000001"), null),
                "GET /patients/{id}/adherence", Valid.of(Map.of("id", "22222222-2222-4222-8222-000000000001"), null));
    }

    private static final Map<String, String> TOKENS = Map.of(
            "clinician", TestTokens.clinician(CLARA, "clinic-a"),
            "patient", TestTokens.patient("22222222-2222-4222-8222-000000000001", "clinic-a"),
            "analyst", TestTokens.analyst("33333333-3333-4333-8333-000000000001"),
            "admin", TestTokens.admin("44444444-4444-4444-8444-000000000001"));

    @Inject
    DataSource database;

    @Test
    void refusesEveryBadValueOfEveryOperationNamingTheFieldAndStoresNothing() throws Exception {
        JsonNode openApi = JSON.readTree(
                given().accept("application/json").get("/q/openapi?format=json").asString());
        List<Case> cases = BadInputCases.of(openApi, valid(), Set.of("from", "to", "asOf"));
        assertTrue(cases.size() > 40, "only " + cases.size() + " cases were generated");
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

    @TestHTTPResource("/pain-flags/5f0c8a1e-0000-4000-8000-000000000001/resolve")
    URI bodyOperation;

    /** Announced by Content-Length (refused before it is read) or sent in chunks (refused while read). */
    @Test
    void refusesAnOversizedBodyAsAProblemNamingBody() throws Exception {
        String before = snapshot();
        for (OversizedBody.Answer answer : List.of(
                OversizedBody.withLength(bodyOperation, TOKENS.get("clinician"), 3_000_000),
                OversizedBody.chunked(bodyOperation, TOKENS.get("clinician"), 3_000_000))) {
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

    private String snapshot() throws Exception {
        try (Connection connection = database.getConnection()) {
            return DatabaseSnapshot.of(connection);
        }
    }
}
