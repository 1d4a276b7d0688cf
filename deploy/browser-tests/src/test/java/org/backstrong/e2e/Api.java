package org.backstrong.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.backstrong.e2e.stack.LocalStack;

/**
 * The stack's APIs as a test reaches them beside the browser: a demo user's token from Keycloak
 * (public client backstrong-cli, password grant, demo realm only), then plain HTTP calls, to set
 * up what a test needs and to check what the pages stored.
 */
final class Api {

    static final String PIA = "22222222-2222-4222-8222-000000000003";
    static final String BUILT_IN_TEMPLATE = "00000000-0000-4000-8000-000000000b04";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String plannerUrl;
    private final String progressUrl;
    private final String token;

    private Api(String plannerUrl, String progressUrl, String token) {
        this.plannerUrl = plannerUrl;
        this.progressUrl = progressUrl;
        this.token = token;
    }

    /** The same caller, talking to other instances of planner and progress (e.g. the second ones). */
    Api on(String plannerUrl, String progressUrl) {
        return new Api(plannerUrl, progressUrl, token);
    }

    /** Signed in as a demo user (password = user name). */
    static Api as(LocalStack stack, String demoUser) {
        return as(stack, demoUser, demoUser);
    }

    /** Signed in with a user name and password (e.g. a patient's own, after an invitation). */
    static Api as(LocalStack stack, String username, String password) {
        String form = "grant_type=password&client_id=backstrong-cli&username=" + encode(username) + "&password="
                + encode(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        JsonNode answer = send(request, 200);
        return new Api(
                stack.plannerUrl(),
                stack.progressUrl(),
                answer.path("access_token").asText());
    }

    /** The access token itself, for a request this class does not make (another media type, say). */
    String token() {
        return token;
    }

    /** The claims of this access token (its payload, decoded; the services check its signature). */
    JsonNode claims() {
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException("the access token's payload is not JSON", e);
        }
    }

    /** A GET of any service's address (e.g. a catalog instance's), answered 200 with JSON. */
    JsonNode getFrom(String url) {
        return get(url);
    }

    JsonNode getFromPlanner(String path) {
        return get(plannerUrl + path);
    }

    JsonNode postToPlanner(String path, String json, int expectedStatus) {
        return post(plannerUrl + path, json, expectedStatus);
    }

    /** A POST as a caller in a trace of its own sends it: with a W3C traceparent header. */
    JsonNode postToPlannerTraced(String path, String json, int expectedStatus, String traceparent) {
        return send(
                HttpRequest.newBuilder(URI.create(plannerUrl + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("traceparent", traceparent)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                expectedStatus);
    }

    /** A DELETE of a planner address, answered {@code expectedStatus}. */
    void deleteFromPlanner(String path, int expectedStatus) {
        exchange(
                HttpRequest.newBuilder(URI.create(plannerUrl + path))
                        .header("Authorization", "Bearer " + token)
                        .DELETE()
                        .build(),
                expectedStatus);
    }

    JsonNode getFromProgress(String path) {
        return get(progressUrl + path);
    }

    JsonNode postToProgress(String path, String json, int expectedStatus) {
        return post(progressUrl + path, json, expectedStatus);
    }

    /** A planner page as the browser gets it (the pages take a bearer token too), as HTML text. */
    String pageFromPlanner(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(plannerUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/html")
                .GET()
                .build();
        return exchange(request, 200).body();
    }

    private JsonNode get(String url) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                200);
    }

    private JsonNode post(String url, String json, int expectedStatus) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                expectedStatus);
    }

    private static JsonNode send(HttpRequest request, int expectedStatus) {
        HttpResponse<String> response = exchange(request, expectedStatus);
        try {
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " answered no JSON: " + e.getMessage(), e);
        }
    }

    private static HttpResponse<String> exchange(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ", not " + expectedStatus + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
