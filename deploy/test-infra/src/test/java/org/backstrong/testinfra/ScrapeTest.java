package org.backstrong.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ScrapeTest {

    /** What Quarkus writes once OpenTelemetry is on: counters carry an exemplar after their value. */
    private static final String TEXT = """
            # HELP backstrong_sets_stored_total Sets stored
            # TYPE backstrong_sets_stored_total counter
            backstrong_sets_stored_total{service="planner-service"} 3.0 # {span_id="00f067aa0ba902b7",trace_id="4bf92f3577b34da6a3ce929d0e0e4736"} 1.0 1764680000.123
            backstrong_refusals_total{reason="plan_not_active",service="planner-service"} 1.0
            backstrong_refusals_total{reason="outside_schedule",service="planner-service"} 2.0 1764680000123
            backstrong_outbox_backlog 0.0
            """;

    @Test
    void readsTheValueBeforeAnExemplarOrATimestamp() {
        Scrape scrape = new Scrape(TEXT);
        assertEquals(3.0, scrape.sum("backstrong_sets_stored_total"));
        assertEquals(3.0, scrape.sum("backstrong_refusals_total"));
        assertEquals(2.0, scrape.sum("backstrong_refusals_total", Map.of("reason", "outside_schedule")));
        assertEquals(2, scrape.count("backstrong_refusals_total", Map.of("service", "planner-service")));
        assertTrue(scrape.has("backstrong_outbox_backlog"));
        assertFalse(scrape.has("backstrong_sets"));
    }
}
