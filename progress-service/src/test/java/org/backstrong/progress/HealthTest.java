package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest {

    /** Health and metrics are served on the management interface (its own port; paths below its /q), not on the API's. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/well", management = true)
    URL wellness;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void isReadyWhenItCanDoItsJobWithoutAskingTheBroker() {
        given().when()
                .get(ready)
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem(containsString("Kafka"))));
    }

    @Test
    void reportsTheBrokerInItsHealthDetailsAndMetrics() {
        given().when()
                .get(wellness)
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Kafka broker' }.data.brokers", equalTo(1));
        given().when().get(metrics).then().statusCode(200).body(containsString("kafka_consumer_connection_count"));
    }

    @Test
    void exposesTheMetricsTheAlertsAndDashboardRead() {
        given().when()
                .get(metrics)
                .then()
                .statusCode(200)
                .body(containsString("backstrong_outbox_backlog"))
                .body(containsString("backstrong_outbox_oldest_age_seconds"))
                .body(containsString("backstrong_outbox_relay_leader"))
                .body(containsString("backstrong_dead_letters_total"))
                .body(containsString("agroal_active_count"))
                .body(containsString("kafka_consumer_connection_count"))
                .body(containsString("backstrong_pain_flags_stop_oldest_open_working_seconds"));
    }

    /** The gauges read the database at scrape: a figure, not NaN (which is what a failing query shows). */
    @Test
    void theGaugesReadTheirFigures() {
        String scrape =
                given().when().get(metrics).then().statusCode(200).extract().asString();
        for (String gauge : List.of(
                "backstrong_outbox_backlog",
                "backstrong_outbox_oldest_age_seconds",
                "backstrong_outbox_relay_leader",
                "backstrong_pain_flags_stop_oldest_open_working_seconds")) {
            Matcher line = Pattern.compile("(?m)^" + gauge + "(?:\\{[^}]*\\})? (\\S+)$")
                    .matcher(scrape);
            assertTrue(line.find(), gauge + " is not in the scrape");
            double value = Double.parseDouble(line.group(1));
            assertFalse(Double.isNaN(value), gauge + " is NaN: its query failed");
            assertTrue(value >= 0, gauge + " is " + value);
        }
    }

    @Test
    void publishesOpenApiAndPrometheusMetrics() {
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get(metrics).then().statusCode(200);
    }

    @Test
    void servesNeitherHealthNorMetricsOnTheApiPort() {
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }
}
