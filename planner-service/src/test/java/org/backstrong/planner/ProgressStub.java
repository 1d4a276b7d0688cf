package org.backstrong.planner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * progress-service as the planner's page tests see it: an HTTP stub that answers an empty
 * pain-flag inbox, and 404 for anything else (a patient progress knows nothing of) until a test
 * stubs what it needs. The real service is tested in its own module.
 */
public class ProgressStub implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        defaults();
        return Map.of("quarkus.rest-client.progress.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The stub, for tests that stub answers and check what the planner sent. */
    static WireMockServer server() {
        return server;
    }

    /** Forgets what tests stubbed and received; the inbox is empty again. */
    static void reset() {
        server.resetAll();
        defaults();
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static void defaults() {
        server.stubFor(get(urlPathEqualTo("/pain-flags")).willReturn(json(200, "[]")));
    }
}
