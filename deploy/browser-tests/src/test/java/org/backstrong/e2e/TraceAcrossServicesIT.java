package org.backstrong.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.backstrong.e2e.stack.LocalStack;

/**
 * One set's trace across both services, through their public surfaces: pablo logs a set at pain 7 with a
 * W3C traceparent of his phone's; the SetCompleted record planner publishes and the PainFlagged record
 * progress-service publishes in answer carry that trace id, and planner pauses the exercise. Then clara
 * resolves the flag, so pablo's plan is as it was.
 */
@BrowserTest
class TraceAcrossServicesIT {

    static final String PABLO = "22222222-2222-4222-8222-000000000006";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSetAtPainSevenAndTheStopFlagItRaisesAreOfOneTrace(LocalStack stack) {
        Api clara = Api.as(stack, "clara");
        Api pablo = Api.as(stack, "pablo");
        LocalDate today = LocalDate.now();
        for (JsonNode plan : clara.getFromPlanner("/patients/" + PABLO + "/plans")) {
            if (!"completed".equals(plan.path("status").asText())) {
                clara.postToPlanner(
                        "/plans/" + plan.path("id").asText() + "/end",
                        "{\"reason\":\"A plan with a session today, for the trace test\"}",
                        200);
            }
        }
        ObjectNode assignment =
                JSON.createObjectNode().put("templateId", Api.BUILT_IN_TEMPLATE).put("startDate", today.toString());
        assignment.putArray("weekdays").add(today.getDayOfWeek().getValue());
        String planId = clara.postToPlanner("/patients/" + PABLO + "/plans", assignment.toString(), 201)
                .path("id")
                .asText();
        JsonNode latPulldown = null;
        for (JsonNode item : pablo.getFromPlanner("/me/sessions/today").path("items")) {
            if ("lat-pulldown".equals(item.path("exerciseId").asText())) {
                latPulldown = item;
            }
        }
        assertNotNull(latPulldown, "the built-in plan has Lat Pulldown today");
        String itemId = latPulldown.path("itemId").asText();

        String traceId = hex(32);
        String setId = UUID.randomUUID().toString();
        ObjectNode set = JSON.createObjectNode()
                .put("setId", setId)
                .put("planId", planId)
                .put("itemId", itemId)
                .put("date", today.toString())
                .put("setNumber", 1)
                .put("reps", 8)
                .put("rir", 2)
                .put("pain", 7)
                .put("beyondNormalFatigue", false);
        if (latPulldown.path("dose").hasNonNull("loadKg")) {
            set.put("loadKg", latPulldown.path("dose").path("loadKg").decimalValue());
        }
        pablo.postToPlannerTraced("/me/sets", set.toString(), 201, "00-" + traceId + "-" + hex(16) + "-01");

        ConsumerRecord<String, String> completed = await("planner's SetCompleted record")
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> records(stack, "set-events").stream()
                                .filter(record -> setId.equals(
                                        json(record.value()).path("setId").asText()))
                                .findFirst()
                                .orElse(null),
                        record -> record != null);
        assertEquals(traceId, traceIdOf(completed), "the set-events record carries the request's trace");

        ConsumerRecord<String, String> flagged = await("progress-service's PainFlagged record")
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> records(stack, "progress-events").stream()
                                .filter(record -> "backstrong.pain.flagged.v1".equals(header(record, "ce_type")))
                                .filter(record -> {
                                    JsonNode flag = json(record.value());
                                    return itemId.equals(flag.path("itemId").asText())
                                            && planId.equals(flag.path("planId").asText());
                                })
                                .findFirst()
                                .orElse(null),
                        record -> record != null);
        assertEquals(traceId, traceIdOf(flagged), "the progress-events record continues the set's trace");
        String flagId = json(flagged.value()).path("flagId").asText();

        await("planner pauses the exercise").atMost(Duration.ofSeconds(60)).until(() -> paused(pablo, itemId));
        clara.postToProgress("/pain-flags/" + flagId + "/resolve", "{\"note\":\"Trace test: carry on\"}", 200);
        await("planner resumes the exercise").atMost(Duration.ofSeconds(60)).until(() -> !paused(pablo, itemId));
    }

    private static boolean paused(Api patient, String itemId) {
        for (JsonNode item : patient.getFromPlanner("/me/sessions/today").path("items")) {
            if (itemId.equals(item.path("itemId").asText())) {
                return item.path("paused").asBoolean();
            }
        }
        throw new AssertionError("no item " + itemId + " today");
    }

    /** The trace id of the record's traceparent header. */
    private static String traceIdOf(ConsumerRecord<String, String> record) {
        String traceparent = header(record, "traceparent");
        assertNotNull(traceparent, "no traceparent header on " + record.topic() + " " + header(record, "ce_type"));
        String[] parts = traceparent.split("-");
        assertEquals(4, parts.length, traceparent);
        return parts[1];
    }

    /** Every record of pablo's on the topic now, from the start of each partition. */
    private static List<ConsumerRecord<String, String>> records(LocalStack stack, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(30));
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : topics.getOrDefault(topic, List.of())) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(topic + " could not be read to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (PABLO.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    private static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError("a record's value is not JSON: " + value, e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String hex(int digits) {
        return (UUID.randomUUID().toString() + UUID.randomUUID())
                .replace("-", "")
                .substring(0, digits);
    }
}
