package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.backstrong.e2e.stack.LocalStack;

/**
 * The FHIR R4 export across the running services: priya logs a set, and clara's
 * {@code Patient/$everything} for her is one Bundle built from planner (plan, items, the set),
 * catalog (the exercises' definitions at their versions) and progress (her timeline), with nothing
 * left out; another clinic's patient is an OperationOutcome 404, and the CapabilityStatement is
 * public. planner's FhirExportTest checks such a bundle with HL7's validator.
 */
@BrowserTest
class FhirExportIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FHIR_JSON = "application/fhir+json";

    @Test
    void aPatientsEverythingComesFromPlannerCatalogAndProgressInOneBundle(LocalStack stack) {
        Api priya = Api.as(stack, "priya");
        String priyaId = priya.claims().path("sub").asText();
        priya.postToPlanner("/me/sets", NextSet.of(NextSet.latestSession(priya)), 201);
        String token = Api.as(stack, "clara").token();

        HttpResponse<String> answer = get(stack.plannerUrl() + "/fhir/Patient/" + priyaId + "/$everything", token);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith(FHIR_JSON));
        JsonNode bundle = read(answer.body());
        assertEquals("Bundle", bundle.path("resourceType").asText());
        Map<String, List<JsonNode>> byType = new HashMap<>();
        for (JsonNode entry : bundle.path("entry")) {
            // Catalog or progress unreachable would show as an OperationOutcome entry saying what is missing.
            assertFalse("outcome".equals(entry.path("search").path("mode").asText()), "left out: " + entry);
            JsonNode resource = entry.path("resource");
            byType.computeIfAbsent(resource.path("resourceType").asText(), type -> new ArrayList<>())
                    .add(resource);
        }
        assertEquals(priyaId, byType.get("Patient").get(0).path("id").asText());
        assertEquals("plan", byType.get("CarePlan").get(0).path("intent").asText());
        JsonNode request = byType.get("ServiceRequest").get(0);
        assertEquals(
                "229065009",
                request.path("code").path("coding").get(0).path("code").asText());
        assertTrue(
                request.path("instantiatesCanonical").get(0).asText().contains("/ActivityDefinition/"),
                request::toString);
        // From the catalog: each definition at the version the plan refers to.
        for (JsonNode definition : byType.get("ActivityDefinition")) {
            assertFalse(definition.path("version").asText().isBlank(), definition::toString);
        }
        assertFalse(byType.getOrDefault("PlanDefinition", List.of()).isEmpty(), "the template: " + byType.keySet());
        // The set priya logged, with its pain on the 0-10 scale (LOINC 72514-3).
        assertTrue(answer.body().contains("72514-3"), "the set's pain: " + byType.keySet());

        HttpResponse<String> otherClinics =
                get(stack.plannerUrl() + "/fhir/Patient/" + Api.PIA + "/$everything", token);
        assertEquals(404, otherClinics.statusCode(), otherClinics.body());
        assertEquals(
                "OperationOutcome",
                read(otherClinics.body()).path("resourceType").asText());

        HttpResponse<String> metadata = get(stack.plannerUrl() + "/fhir/metadata", null);
        assertEquals(200, metadata.statusCode(), metadata.body());
        assertEquals(
                "CapabilityStatement",
                read(metadata.body()).path("resourceType").asText());
    }

    private static HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", FHIR_JSON)
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("no JSON: " + body, e);
        }
    }
}
