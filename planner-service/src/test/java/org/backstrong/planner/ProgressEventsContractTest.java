package org.backstrong.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.messaging.ProgressEventsConsumer;
import org.backstrong.planner.messaging.Topics;
import org.backstrong.testinfra.EventContract;

/**
 * planner-service reads what progress-service's schemas describe: every example of them is read by
 * the consumer's own reader into its records, which keep every field (a field the producer renamed
 * would be ignored by the tolerant reader, and fails here instead); and the AsyncAPI document puts
 * on progress-events what the consumer reads from it.
 */
@QuarkusTest
class ProgressEventsContractTest {

    @Inject
    ProgressEventsConsumer consumer;

    @Inject
    ObjectMapper json;

    @ParameterizedTest
    @CsvSource({
        EventTypes.PROGRESSION_ADJUSTED + ", org.backstrong.planner.event.ProgressionAdjusted",
        EventTypes.PAIN_FLAGGED + ", org.backstrong.planner.event.PainFlagged",
        EventTypes.PAIN_FLAG_RESOLVED + ", org.backstrong.planner.event.PainFlagResolved"
    })
    void readsEveryExampleOfProgressServicesSchemasKeepingEveryField(String type, Class<?> record) throws Exception {
        List<String> examples = EventContract.examples(type);
        assertFalse(examples.isEmpty(), type + " has no examples");
        for (String example : examples) {
            Object read = consumer.read(example, record);
            assertEquals(
                    fields(json.readTree(example), ""),
                    fields(json.valueToTree(read), ""),
                    record.getSimpleName() + " does not keep every field of " + example);
        }
    }

    @Test
    void theAsyncApiDocumentPutsOnProgressEventsWhatTheConsumerReads() {
        assertEquals(
                List.of(EventTypes.PROGRESSION_ADJUSTED, EventTypes.PAIN_FLAGGED, EventTypes.PAIN_FLAG_RESOLVED),
                List.copyOf(EventContract.messagesOn(Topics.PROGRESS_EVENTS).keySet()));
    }

    /** Every field's path in a JSON object, nested objects included. */
    private static Set<String> fields(JsonNode node, String prefix) {
        Set<String> fields = new TreeSet<>();
        node.fields().forEachRemaining(field -> {
            fields.add(prefix + field.getKey());
            if (field.getValue().isObject()) {
                fields.addAll(fields(field.getValue(), prefix + field.getKey() + "."));
            }
        });
        return fields;
    }
}
