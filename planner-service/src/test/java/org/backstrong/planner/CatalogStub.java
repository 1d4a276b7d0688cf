package org.backstrong.planner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * catalog-service as the planner's tests see it: an HTTP stub answering the catalog's own JSON
 * for the article's exercises (version 1, published), one retired exercise, and 404 for the rest.
 * The real catalog is tested in its own module; here only the planner's side of the call is.
 */
public class CatalogStub implements QuarkusTestResourceLifecycleManager {

    /** The article's exercises: id, name, dose kind, sets min–max, range min–max, per side. */
    static final List<Object[]> ARTICLE = List.of(
            new Object[] {"light-cardio", "Light Cardio Warm-Up", "duration", 1, 1, 300, 600, false},
            new Object[] {"band-pull-apart", "Resistance Band Pull-Apart", "reps", 2, 2, 15, 20, false},
            new Object[] {"lat-pulldown", "Lat Pulldown", "reps", 1, 3, 8, 12, false},
            new Object[] {"suspended-row", "Suspended Row (TRX or Rings)", "reps", 1, 3, 8, 12, false},
            new Object[] {"wide-dumbbell-bent-over-row", "Wide Dumbbell Bent-Over Row", "reps", 1, 3, 8, 12, false},
            new Object[] {
                "quadruped-single-arm-dumbbell-row", "Quadruped Single-Arm Dumbbell Row", "reps", 1, 3, 8, 12, true
            },
            new Object[] {"back-extension", "Back Extension (on Stability Ball or Bench)", "reps", 1, 3, 8, 12, false},
            new Object[] {"good-morning", "Good Morning (Bodyweight or Barbell)", "reps", 1, 3, 8, 12, false},
            new Object[] {"superman-hold", "Superman Hold", "reps", 1, 3, 8, 12, false},
            new Object[] {"renegade-row", "Renegade Row", "reps", 1, 3, 10, 10, true});

    static final String RETIRED = "old-machine-row";

    private static WireMockServer server;
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        for (Object[] exercise : ARTICLE) {
            String body = document(
                    (String) exercise[0],
                    (String) exercise[1],
                    (String) exercise[2],
                    (int) exercise[3],
                    (int) exercise[4],
                    (int) exercise[5],
                    (int) exercise[6],
                    (boolean) exercise[7],
                    "published");
            server.stubFor(get(urlEqualTo("/exercises/" + exercise[0])).willReturn(ok(body)));
            server.stubFor(
                    get(urlEqualTo("/exercises/" + exercise[0] + "/versions/1")).willReturn(ok(body)));
        }
        server.stubFor(get(urlPathEqualTo("/exercises"))
                .willReturn(ok(summaries()).withHeader("X-Total-Count", String.valueOf(ARTICLE.size()))));
        server.stubFor(get(urlEqualTo("/regions"))
                .willReturn(ok("[{\"id\":\"upper-back\",\"name\":\"Upper back\"},"
                        + "{\"id\":\"lower-back\",\"name\":\"Lower back\"}]")));
        server.stubFor(get(urlEqualTo("/muscles"))
                .willReturn(ok("[{\"id\":\"latissimus-dorsi\",\"name\":\"Latissimus dorsi\"},"
                        + "{\"id\":\"erector-spinae\",\"name\":\"Erector spinae\"}]")));
        server.stubFor(get(urlEqualTo("/equipment"))
                .willReturn(ok("[{\"id\":\"dumbbell\",\"name\":\"Dumbbell\"},"
                        + "{\"id\":\"resistance-band\",\"name\":\"Resistance band\"}]")));
        server.stubFor(get(urlEqualTo("/exercises/" + RETIRED))
                .willReturn(ok(document(RETIRED, "Old machine row", "reps", 1, 3, 8, 12, false, "retired"))));
        server.stubFor(get(urlPathMatching("/exercises/unknown-.*"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404}")));
        return Map.of("quarkus.rest-client.catalog.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The stub, for tests that check what the planner sent (the caller's token). */
    static WireMockServer server() {
        return server;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** The article's exercises as the catalog lists them (GET /exercises), whatever the filters. */
    private String summaries() {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (Object[] exercise : ARTICLE) {
            Map<String, Object> item = new java.util.LinkedHashMap<>();
            item.put("id", exercise[0]);
            item.put("name", exercise[1]);
            item.put("summary", exercise[1] + ".");
            item.put(
                    "category",
                    "light-cardio".equals(exercise[0]) || "band-pull-apart".equals(exercise[0])
                            ? "warm-up"
                            : "strength");
            item.put("regions", List.of("upper-back"));
            item.put("primaryMuscles", List.of("latissimus-dorsi"));
            item.put("secondaryMuscles", List.of());
            item.put("equipment", List.of(List.of("none")));
            item.put("dose", Map.of("kind", exercise[2], "setsMin", exercise[3], "setsMax", exercise[4]));
            item.put("difficulty", 2);
            item.put("status", "published");
            item.put("version", 1);
            item.put("clinicOwned", false);
            items.add(item);
        }
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String document(
            String id,
            String name,
            String kind,
            int setsMin,
            int setsMax,
            int min,
            int max,
            boolean perSide,
            String status) {
        boolean reps = "reps".equals(kind);
        Map<String, Object> dose = new java.util.LinkedHashMap<>();
        dose.put("kind", kind);
        dose.put("setsMin", setsMin);
        dose.put("setsMax", setsMax);
        dose.put(reps ? "repsMin" : "secondsMin", min);
        dose.put(reps ? "repsMax" : "secondsMax", max);
        dose.put("perSide", perSide);
        try {
            Map<String, Object> document = new java.util.LinkedHashMap<>();
            document.put("id", id);
            document.put("name", name);
            document.put("summary", name + ".");
            document.put("category", "strength");
            document.put("steps", List.of("First step of " + name + ".", "Second step of " + name + "."));
            document.put("cues", List.of());
            document.put("safetyNotes", List.of("Stop if you feel pain beyond normal muscle fatigue."));
            document.put("equipment", List.of(List.of("none")));
            document.put("dose", dose);
            document.put("harderVariants", List.of());
            document.put("status", status);
            document.put("version", 1);
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
