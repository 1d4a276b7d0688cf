package org.backstrong.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.backstrong.e2e.stack.LocalStack;

/**
 * Patients for load, beyond the realm's three demo patients: Keycloak users shaped like the demo
 * patients (realm role patient, clinic_id clinic-a), imported in one admin call; clara enrols each
 * and assigns the built-in four-week plan, every weekday, started so that it ends today (every day
 * of it is a session day already, so each patient has 28 days of set slots to log); then each
 * patient's own token by the password grant, as {@link Api#as} gets the demo users'.
 */
final class LoadPatients {

    static final String CLINIC = "clinic-a";

    /** The built-in plan's length: 4 weeks of sessions, all of them due by today. */
    static final int PLAN_DAYS = 28;

    /** One load patient: who, with what token, and the plan's items as the sets are logged against them. */
    record Patient(
            int number,
            String id,
            String username,
            String token,
            String planId,
            LocalDate startDate,
            List<Item> items) {}

    /** An item of the patient's plan and how a set of it is measured. */
    record Item(
            String itemId,
            String exerciseId,
            boolean reps,
            boolean perSide,
            int setsMax,
            String loadKg,
            String band,
            int count) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private LoadPatients() {}

    /** The fault suite's patients, load-01 … (ids 55555555-5555-4555-8555-0000000000NN). */
    static List<Patient> create(LocalStack stack, int count) {
        return create(stack, "load", "55555555-5555-4555-8555-", count);
    }

    /**
     * Creates, enrols and signs in {@code count} patients named {@code name}-01 …, with ids
     * {@code idPrefix} followed by their number in 12 digits (a group of its own for each test that
     * uses them); ids and user names are fixed, the password is this run's.
     */
    static List<Patient> create(LocalStack stack, String name, String idPrefix, int count) {
        String password = name + "-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        ArrayNode users = JSON.createArrayNode();
        for (int n = 1; n <= count; n++) {
            String id = String.format("%s%012d", idPrefix, n);
            ids.add(id);
            ObjectNode user = users.addObject()
                    .put("id", id)
                    .put("username", username(name, n))
                    .put("enabled", true)
                    .put("emailVerified", true)
                    .put("email", username(name, n) + "@clinic-a.example.org")
                    .put("firstName", "Load")
                    .put("lastName", "Patient " + n);
            user.putArray("credentials")
                    .addObject()
                    .put("type", "password")
                    .put("value", password)
                    .put("temporary", false);
            user.putArray("requiredActions");
            user.putArray("realmRoles").add("default-roles-backstrong").add("patient");
            user.putObject("attributes").putArray("clinic_id").add(CLINIC);
        }
        ObjectNode partialImport = JSON.createObjectNode().put("ifResourceExists", "FAIL");
        partialImport.set("users", users);
        String admin = adminToken(stack);
        send(
                HttpRequest.newBuilder(URI.create(
                                stack.keycloakUrl() + "/admin/realms/" + LocalStack.REALM + "/partialImport"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(3))
                        .POST(HttpRequest.BodyPublishers.ofString(partialImport.toString()))
                        .build(),
                200);

        Api clara = Api.as(stack, "clara");
        LocalDate start = LocalDate.now().minusDays(PLAN_DAYS - 1);
        List<JsonNode> plans = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String id = ids.get(n - 1);
            clara.postToPlanner(
                    "/patients",
                    JSON.createObjectNode()
                            .put("id", id)
                            .put("displayName", "Load patient " + n)
                            .put("preExistingCondition", false)
                            .toString(),
                    201);
            ObjectNode assignment = JSON.createObjectNode()
                    .put("templateId", Api.BUILT_IN_TEMPLATE)
                    .put("startDate", start.toString());
            ArrayNode weekdays = assignment.putArray("weekdays");
            for (int day = 1; day <= 7; day++) {
                weekdays.add(day);
            }
            plans.add(clara.postToPlanner("/patients/" + id + "/plans", assignment.toString(), 201));
        }

        // Keycloak hashes each password grant; a few at a time keeps its share of the two cores modest.
        ExecutorService signIn = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                String username = username(name, n);
                tokens.add(signIn.submit(() -> token(stack, username, password)));
            }
            List<Patient> patients = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                JsonNode plan = plans.get(n - 1);
                patients.add(new Patient(
                        n,
                        ids.get(n - 1),
                        username(name, n),
                        tokens.get(n - 1).get(),
                        plan.path("id").asText(),
                        start,
                        items(plan)));
            }
            return patients;
        } catch (Exception e) {
            throw new IllegalStateException("signing in the load patients failed", e);
        } finally {
            signIn.shutdownNow();
        }
    }

    private static String username(String name, int n) {
        return String.format("%s-%02d", name, n);
    }

    /** The plan's items in order, with the first week's dose (the bottom of each range) as the count logged. */
    private static List<Item> items(JsonNode plan) {
        List<Item> items = new ArrayList<>();
        for (JsonNode item : plan.path("items")) {
            JsonNode p = item.path("prescription");
            boolean reps = "reps".equals(p.path("doseKind").asText());
            items.add(new Item(
                    item.path("id").asText(),
                    item.path("exerciseId").asText(),
                    reps,
                    p.path("perSide").asBoolean(),
                    p.path("setsMax").asInt(),
                    p.hasNonNull("loadKg") ? p.path("loadKg").decimalValue().toPlainString() : null,
                    p.hasNonNull("band") ? p.path("band").asText() : null,
                    reps ? p.path("repsMin").asInt() : p.path("secondsMin").asInt()));
        }
        if (items.isEmpty()) {
            throw new AssertionError("the assigned plan has no items: " + plan);
        }
        return items;
    }

    /** A token of Keycloak's bootstrap admin (master realm), for the admin API. */
    static String adminToken(LocalStack stack) {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(stack.secret("KEYCLOAK_ADMIN_PASSWORD"), StandardCharsets.UTF_8);
        return send(
                        HttpRequest.newBuilder(URI.create(
                                        stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        200)
                .path("access_token")
                .asText();
    }

    private static String token(LocalStack stack, String username, String password) {
        String form = "grant_type=password&client_id=backstrong-cli&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(
                        HttpRequest.newBuilder(URI.create(stack.issuer() + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        200)
                .path("access_token")
                .asText();
    }

    private static JsonNode send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ", not " + expectedStatus + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
