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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.junit.jupiter.api.Test;

import org.backstrong.e2e.stack.LocalStack;
import org.backstrong.testinfra.FhirValidator;

/**
 * The FHIR R4 export across the running services: priya logs a set, and clara's
 * {@code Patient/$everything} for her is one Bundle built from planner (plan, items, the set),
 * catalog (the exercises' definitions at their versions) and progress (her timeline), with nothing
 * left out; another clinic's patient is an OperationOutcome 404, and the CapabilityStatement is
 * public. The demo patient's $everything and the clinic's bulk export pass HL7's validator with no
 * error, as the stack serves them.
 */
@BrowserTest
class FhirExportIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FHIR_JSON = "application/fhir+json";
    /** The demo data's first patient (deploy/local/README.md). */
    private static final String PAUL = "22222222-2222-4222-8222-000000000001";

    private static FhirValidator validator;

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

    /**
     * The demo patient (paul: a plan, logged sessions, his baseline RMDQ) as the running stack
     * exports him: the Bundle and every resource in it pass HL7's validator with no error.
     */
    @Test
    void theDemoPatientsEverythingIsValidFhirWithNoErrors(LocalStack stack) throws IOException {
        String token = Api.as(stack, "clara").token();
        HttpResponse<String> answer = get(stack.plannerUrl() + "/fhir/Patient/" + PAUL + "/$everything", token);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode bundle = read(answer.body());
        Set<String> types = new TreeSet<>();
        for (JsonNode entry : bundle.path("entry")) {
            assertFalse("outcome".equals(entry.path("search").path("mode").asText()), "left out: " + entry);
            types.add(entry.path("resource").path("resourceType").asText());
        }
        assertTrue(
                types.containsAll(Set.of("Patient", "CarePlan", "ServiceRequest", "ActivityDefinition", "Observation")),
                "the demo patient's export: " + types);
        assertTrue(types.contains("QuestionnaireResponse"), "his baseline RMDQ: " + types);

        FhirValidator validator = validator();
        List<ValidationMessage> all = new ArrayList<>(validator.validate(answer.body()));
        assertNoErrors("the Bundle", all);
        for (JsonNode entry : bundle.path("entry")) {
            List<ValidationMessage> messages = validator.validate(JSON.writeValueAsString(entry.path("resource")));
            assertNoErrors(entry.path("fullUrl").asText(), messages);
            all.addAll(messages);
        }
        System.out.printf(
                "FHIR validator on the demo patient's $everything: %d resources (%s) and the Bundle, "
                        + "%d errors, %d warnings:%n%s",
                bundle.path("entry").size(),
                String.join(", ", types),
                FhirValidator.errors(all).size(),
                FhirValidator.warnings(all),
                FhirValidator.distinctWarnings(all));
    }

    /**
     * The clinic-wide bulk export across the running services: clara's kick-off answers 202 with a
     * status URL, the job finishes with nothing left out (catalog and progress were asked with her
     * token), each NDJSON file holds one resource per line, each resource once, every one valid FHIR
     * with no error; clinic-a's patients are in it and clinic-b's are not; DELETE removes the job.
     */
    @Test
    void theClinicsBulkExportFinishesWithValidNdjsonFiles(LocalStack stack) throws Exception {
        String token = Api.as(stack, "clara").token();
        HttpResponse<String> kickOff =
                send(HttpRequest.newBuilder(URI.create(stack.plannerUrl() + "/fhir/Patient/$export"))
                        .header("Accept", FHIR_JSON)
                        .header("Prefer", "respond-async")
                        .header("Authorization", "Bearer " + token)
                        .GET());
        assertEquals(202, kickOff.statusCode(), kickOff.body());
        String status = kickOff.headers().firstValue("Content-Location").orElseThrow();

        HttpResponse<String> done = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> polled = get(status, token);
            if (polled.statusCode() == 200) {
                done = polled;
                break;
            }
            assertEquals(202, polled.statusCode(), polled.body());
            assertTrue(polled.headers().firstValue("X-Progress").isPresent(), polled.headers()::toString);
            Thread.sleep(500);
        }
        assertTrue(done != null, "the export did not finish within 2 minutes");
        JsonNode manifest = read(done.body());
        assertTrue(manifest.path("requiresAccessToken").asBoolean(), manifest::toString);
        assertEquals(0, manifest.path("error").size(), "left out: " + manifest.path("error"));

        FhirValidator validator = validator();
        Map<String, Integer> counts = new TreeMap<>();
        Set<String> patients = new TreeSet<>();
        List<ValidationMessage> all = new ArrayList<>();
        for (JsonNode output : manifest.path("output")) {
            String type = output.path("type").asText();
            HttpResponse<String> file =
                    send(HttpRequest.newBuilder(URI.create(output.path("url").asText()))
                            .header("Accept", "application/fhir+ndjson")
                            .header("Authorization", "Bearer " + token)
                            .GET());
            assertEquals(200, file.statusCode(), file.body());
            Set<String> ids = new TreeSet<>();
            for (String line : file.body().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode resource = read(line);
                assertEquals(type, resource.path("resourceType").asText(), line);
                assertTrue(ids.add(resource.path("id").asText()), "twice in " + type + ": " + resource.path("id"));
                if (type.equals("Patient")) {
                    patients.add(resource.path("id").asText());
                }
                List<ValidationMessage> messages = validator.validate(line);
                assertNoErrors(type + "/" + resource.path("id").asText(), messages);
                all.addAll(messages);
            }
            assertEquals(output.path("count").asInt(), ids.size(), "the manifest's count of " + type);
            counts.put(type, ids.size());
        }
        assertTrue(patients.contains(PAUL), "clinic-a's demo patient: " + patients);
        assertFalse(patients.contains(Api.PIA), "clinic-b's patient: " + patients);
        System.out.printf(
                "FHIR validator on clinic-a's bulk export: %s, %d errors, %d warnings%n",
                counts, FhirValidator.errors(all).size(), FhirValidator.warnings(all));

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(URI.create(status))
                .header("Authorization", "Bearer " + token)
                .DELETE());
        assertEquals(202, deleted.statusCode(), deleted.body());
        assertEquals(404, get(status, token).statusCode());
    }

    /** HL7's validator, loaded once for the class (it takes half a minute). */
    private static synchronized FhirValidator validator() {
        if (validator == null) {
            validator = FhirValidator.load();
        }
        return validator;
    }

    private static void assertNoErrors(String what, List<ValidationMessage> messages) {
        List<ValidationMessage> errors = FhirValidator.errors(messages);
        assertTrue(errors.isEmpty(), what + ": " + FhirValidator.describe(errors));
    }

    private static HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", FHIR_JSON)
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        String url = request.build().uri().toString();
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
