package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.domain.progression.PainFlagRule;
import org.backstrong.progress.domain.progression.ProgressionRule;
import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.Scrape;
import org.backstrong.testinfra.TestTokens;

/** What applying events did, counted in /q/metrics: driven through Kafka, read back from the scrape. */
@QuarkusTest
class EventMetricsTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private Scrape scrape() {
        return new Scrape(
                given().when().get(metrics).then().statusCode(200).extract().asString());
    }

    @Test
    void countsEventsAppliedDuplicatesSkippedTheFlagAndTheDecisionByRule() throws Exception {
        // Whatever earlier tests sent is applied first, so the figures below are this test's alone.
        await().atMost(Duration.ofSeconds(60)).until(() -> ConsumerLag.behind(bootstrap) == 0);
        Scrape before = scrape();

        // A plan, three sets (the second at pain 7: a STOP) and the session.
        NotedSetsScenario scenario = NotedSetsScenario.applied(bootstrap);
        JsonPath timeline = given().auth()
                .oauth2(TestTokens.clinician(NotedSetsScenario.CLINICIAN, scenario.clinic))
                .when()
                .get("/patients/" + scenario.patient + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, timeline.getList("decisions").size());
        String rule = timeline.getString("decisions[0].rule");
        String outcome = timeline.getString("decisions[0].outcome").toLowerCase();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Scrape after = scrape();
            assertEquals(1, delta(before, after, "backstrong_events_applied_total", type(EventTypes.PLAN_ASSIGNED)));
            assertEquals(3, delta(before, after, "backstrong_events_applied_total", type(EventTypes.SET_COMPLETED)));
            assertEquals(
                    1, delta(before, after, "backstrong_events_applied_total", type(EventTypes.SESSION_COMPLETED)));
            assertEquals(5, delta(before, after, "backstrong_events_applied_total", Map.of()));
            assertEquals(
                    1,
                    delta(
                            before,
                            after,
                            "backstrong_pain_flags_raised_total",
                            Map.of("rule", PainFlagRule.PAIN_ABOVE_FIVE.name(), "severity", "STOP")));
            assertEquals(1, delta(before, after, "backstrong_pain_flags_raised_total", Map.of()));
            assertEquals(
                    1,
                    delta(
                            before,
                            after,
                            "backstrong_progression_decisions_total",
                            Map.of("rule", rule, "outcome", outcome)));
            assertEquals(1, delta(before, after, "backstrong_progression_decisions_total", Map.of()));
            assertEquals(0, delta(before, after, "backstrong_events_duplicates_total", Map.of()));
        });

        // The same records again: every one is skipped, nothing more is applied, raised or decided.
        Scrape applied = scrape();
        scenario.stream.sendTo(bootstrap);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Scrape after = scrape();
            assertEquals(5, delta(applied, after, "backstrong_events_duplicates_total", Map.of()));
            assertEquals(
                    3, delta(applied, after, "backstrong_events_duplicates_total", type(EventTypes.SET_COMPLETED)));
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> ConsumerLag.behind(bootstrap) == 0);
        Scrape after = scrape();
        assertEquals(0, delta(applied, after, "backstrong_events_applied_total", Map.of()));
        assertEquals(0, delta(applied, after, "backstrong_pain_flags_raised_total", Map.of()));
        assertEquals(0, delta(applied, after, "backstrong_progression_decisions_total", Map.of()));
    }

    @Test
    void everyRuleAndTypeIsKnownAtZeroFromTheStart() {
        Scrape scrape = scrape();
        for (PainFlagRule rule : PainFlagRule.values()) {
            assertEquals(
                    1,
                    scrape.count(
                            "backstrong_pain_flags_raised_total",
                            Map.of(
                                    "rule",
                                    rule.name(),
                                    "severity",
                                    rule.severity().name())),
                    "flags of " + rule);
        }
        for (ProgressionRule rule : ProgressionRule.values()) {
            assertEquals(
                    1,
                    scrape.count("backstrong_progression_decisions_total", Map.of("rule", rule.name())),
                    rule.name());
        }
        assertEquals(
                1,
                scrape.count(
                        "backstrong_progression_decisions_total",
                        Map.of("rule", ProgressionRule.HARDER_VARIANT.name(), "outcome", "harder-variant")));
        assertEquals(
                1,
                scrape.count(
                        "backstrong_progression_decisions_total",
                        Map.of("rule", ProgressionRule.STEP_BACK_LOAD.name(), "outcome", "regress")));
        for (String type : new String[] {EventTypes.SET_COMPLETED, EventTypes.PLAN_ASSIGNED}) {
            assertEquals(1, scrape.count("backstrong_events_applied_total", type(type)), type);
            assertEquals(1, scrape.count("backstrong_events_duplicates_total", type(type)), type);
        }
    }

    /**
     * The alert on consumer lag reads the Kafka client's own records-lag-max, per topic: the connector's
     * consumers are bound to the registry, and once they fetch, the per-partition figure carries the topic.
     */
    @Test
    void exposesTheConsumersLagPerTopic() {
        NotedSetsScenario.applied(bootstrap);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    Scrape scrape = scrape();
                    for (String topic : new String[] {Topics.PLAN_EVENTS, Topics.SET_EVENTS}) {
                        assertTrue(
                                scrape.count("kafka_consumer_fetch_manager_records_lag_max", Map.of("topic", topic))
                                        > 0,
                                "no kafka_consumer_fetch_manager_records_lag_max for " + topic);
                    }
                });
    }

    private static Map<String, String> type(String type) {
        return Map.of("type", type);
    }

    private static double delta(Scrape before, Scrape after, String metric, Map<String, String> labels) {
        return after.sum(metric, labels) - before.sum(metric, labels);
    }
}
