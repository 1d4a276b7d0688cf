package org.backstrong.catalog;

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

/**
 * Every operation of the published OpenAPI document, every parameter and every body property,
 * with one bad value at a time (BadInputCases): a 4xx problem naming the field, and the database
 * as it was.
 */
@QuarkusTest
class GeneratedBadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A valid request per operation; only the one bad value differs. */
    private static Map<String, Valid> valid() throws Exception {
        String exercise = JSON.writeValueAsString(NewExercise.body("generated-bad-input"));
        Map<String, String> latPulldown = Map.of("id", "lat-pulldown", "version", "1");
        return Map.of(
                "POST /exercises",
                Valid.of(Map.of(), exercise),
                "PUT /exercises/{id}",
                new Valid(latPulldown, Map.of("If-Match", "\"1\""), exercise),
                "GET /exercises/{id}",
                Valid.of(latPulldown, null),
                "GET /exercises/{id}/versions/{version}",
                Valid.of(latPulldown, null),
                "POST /exercises/{id}/publish",
                new Valid(latPulldown, Map.of("If-Match", "\"1\""), null),
                "POST /exercises/{id}/retire",
                new Valid(latPulldown, Map.of("If-Match", "\"1\""), null));
    }

    private static final Map<String, String> TOKENS =
            Map.of("clinician", Users.clara(), "patient", Users.paul(), "analyst", Users.anna(), "admin", Users.adam());

    @Inject
    DataSource database;

    @Test
    void refusesEveryBadValueOfEveryOperationNamingTheFieldAndStoresNothing() throws Exception {
        JsonNode openApi = JSON.readTree(
                given().accept("application/json").get("/q/openapi?format=json").asString());
        List<Case> cases = BadInputCases.of(openApi, valid(), Set.of());
        assertTrue(cases.size() > 300, "only " + cases.size() + " cases were generated");
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

    @TestHTTPResource("/exercises")
    URI bodyOperation;

    /** Announced by Content-Length (refused before it is read) or sent in chunks (refused while read). */
    @Test
    void refusesAnOversizedBodyAsAProblemNamingBody() throws Exception {
        String before = snapshot();
        for (OversizedBody.Answer answer : List.of(
                OversizedBody.withLength(bodyOperation, Users.clara(), 3_000_000),
                OversizedBody.chunked(bodyOperation, Users.clara(), 3_000_000))) {
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
