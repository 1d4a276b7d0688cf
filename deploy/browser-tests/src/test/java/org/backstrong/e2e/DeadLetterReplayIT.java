package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.backstrong.e2e.stack.LocalStack;

/**
 * `deploy/local/backstrong dlq replay`: a good event that sits on progress-events.dlq (as one
 * parked by an older version would) is sent back to progress-events and applied by planner, once,
 * however often it is replayed; `dlq list` shows it as replayed.
 */
@BrowserTest
class DeadLetterReplayIT {

    static final String PAUL = "22222222-2222-4222-8222-000000000001";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReplayedRecordIsAppliedOnceHoweverOftenItIsReplayed(LocalStack stack) {
        Api clara = Api.as(stack, "clara");
        JsonNode plan = clara.getFromPlanner("/patients/" + PAUL + "/plans").get(0);
        String planId = plan.path("id").asText();
        JsonNode item = StreamSupport.stream(plan.path("items").spliterator(), false)
                .filter(i -> "lat-pulldown".equals(i.path("exerciseId").asText()))
                .findFirst()
                .orElseThrow();
        String reason = "A harder variant to consider, replayed from the dead-letter topic " + UUID.randomUUID() + ".";
        // A suggestion only (before = after): planner keeps it in the plan's audit and changes no dose.
        ObjectNode suggestion = JSON.createObjectNode()
                .put("decisionId", UUID.randomUUID().toString())
                .put("patientId", PAUL)
                .put("clinicId", "clinic-a")
                .put("planId", planId)
                .put("itemId", item.path("id").asText())
                .put("exerciseId", "lat-pulldown")
                .put("rule", "HARDER_VARIANT")
                .put("reason", reason)
                .put("suggestedVariantId", "suspended-row")
                .put("decidedAt", java.time.OffsetDateTime.now().toString());
        suggestion.set("before", item.path("prescription"));
        suggestion.set("after", item.path("prescription"));
        String id = DeadLetterWatch.park(
                stack, "progress-events.dlq", PAUL, "backstrong.progression.adjusted.v1", suggestion.toString());

        String parked = stack.command("dlq", "list", "progress-events");
        assertTrue(parked.contains("PARKED") && parked.contains(id), parked);
        String replayed = stack.command("dlq", "replay", "progress-events");
        assertTrue(replayed.contains("progress-events.dlq: 1 record(s) replayed"), replayed);
        Awaitility.await("planner applies the replayed suggestion")
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertEquals(1, suggestionsIn(clara, planId, reason)));

        String again = stack.command("dlq", "replay", "progress-events");
        assertTrue(again.contains("progress-events.dlq: 0 record(s) replayed"), again);
        String listed = stack.command("dlq", "list", "progress-events");
        assertTrue(listed.contains("replayed p") && listed.contains(id) && !listed.contains("PARKED"), listed);
        assertEquals(1, suggestionsIn(clara, planId, reason), "applied once");
    }

    private static long suggestionsIn(Api clara, String planId, String reason) {
        return StreamSupport.stream(
                        clara.getFromPlanner("/plans/" + planId + "/audit").spliterator(), false)
                .filter(entry -> entry.path("reason").asText().startsWith(reason))
                .count();
    }
}
