package org.backstrong.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.messaging.Topics;
import org.backstrong.testinfra.EventContract;

/** The schemas planner-service publishes by: sound draft 2020-12 schemas, with examples they accept, named in the AsyncAPI document. */
class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every type planner-service publishes, with its topic. */
    static Stream<String[]> published() {
        return Stream.of(
                new String[] {EventTypes.PLAN_ASSIGNED, Topics.PLAN_EVENTS},
                new String[] {EventTypes.PLAN_CHANGED, Topics.PLAN_EVENTS},
                new String[] {EventTypes.PLAN_PAUSED, Topics.PLAN_EVENTS},
                new String[] {EventTypes.PLAN_RESUMED, Topics.PLAN_EVENTS},
                new String[] {EventTypes.PLAN_ENDED, Topics.PLAN_EVENTS},
                new String[] {EventTypes.SET_COMPLETED, Topics.SET_EVENTS},
                new String[] {EventTypes.SESSION_COMPLETED, Topics.SET_EVENTS},
                new String[] {EventTypes.MORNING_CHECK_IN, Topics.SET_EVENTS},
                new String[] {EventTypes.OUTCOME_RECORDED, Topics.SET_EVENTS});
    }

    static Stream<String> schemaFiles() {
        return EventContract.files(EventContract.PLANNER).stream();
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void eachSchemaIsAValidDraft2020Schema(String file) {
        String schema = EventContract.schemaNode("backstrong." + file.replace(".json", ""))
                .toString();
        var metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(
                List.of(),
                metaSchema.validate(schema, InputFormat.JSON).stream()
                        .map(Object::toString)
                        .toList());
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void eachSchemaCarriesExamplesItAccepts(String file) {
        String type = "backstrong." + file.replace(".json", "");
        List<String> examples = EventContract.examples(type);
        assertFalse(examples.isEmpty(), file + " has no examples");
        examples.forEach(example -> EventContract.assertValid(type, example));
    }

    @ParameterizedTest
    @MethodSource("published")
    void theAsyncApiDocumentNamesEachTypeOnItsTopicWithItsSchema(String type, String topic) {
        Map<String, String> messages = EventContract.messagesOn(topic);
        assertEquals(
                "../" + EventContract.PLANNER + EventContract.fileOf(type),
                messages.get(type),
                type + " on " + topic + " in " + EventContract.ASYNCAPI);
    }

    /** An example spoilt one way: what it breaks, the type, and the change (a JSON pointer and its new value). */
    static Stream<Arguments> spoiltExamples() {
        return Stream.of(
                Arguments.of("a field the schema does not name", EventTypes.SET_COMPLETED, "/mood", "great"),
                Arguments.of("a field inside a plan item", EventTypes.PLAN_ASSIGNED, "/items/0/timedHold", false),
                Arguments.of("a required field left out", EventTypes.SET_COMPLETED, "/pain", null),
                Arguments.of("pain above 10", EventTypes.MORNING_CHECK_IN, "/pain", 11),
                Arguments.of("a weekday 8", EventTypes.PLAN_ASSIGNED, "/weekdays/0", 8),
                Arguments.of("a set id that is no UUID", EventTypes.SET_COMPLETED, "/setId", "set-1"),
                Arguments.of("a date that is no date", EventTypes.SESSION_COMPLETED, "/sessionDate", "09.03.2026"),
                Arguments.of(
                        "an instant without its offset", EventTypes.SET_COMPLETED, "/loggedAt", "2026-03-09T07:05:12"),
                Arguments.of("a kg load without kilograms", EventTypes.PLAN_ASSIGNED, "/items/2/loadKg", "null"),
                Arguments.of("a reps dose counted in seconds", EventTypes.PLAN_ASSIGNED, "/items/2/secondsMin", 30),
                Arguments.of("an integer as text", EventTypes.PLAN_ASSIGNED, "/weeks", "4"),
                Arguments.of("an unknown band", EventTypes.PLAN_ASSIGNED, "/items/1/band", "purple"),
                Arguments.of("a note longer than SetInput allows", EventTypes.SET_COMPLETED, "/note", "x".repeat(501)),
                Arguments.of("a measure no consumer knows", EventTypes.OUTCOME_RECORDED, "/measure", "SF36"),
                Arguments.of("an RMDQ score without its scale", EventTypes.OUTCOME_RECORDED, "/scaleMax", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spoiltExamples")
    void theSchemasRefuseWhatAProducerMustNotSend(String what, String type, String pointer, Object value)
            throws JsonProcessingException {
        ObjectNode example =
                (ObjectNode) JSON.readTree(EventContract.examples(type).get(0));
        JsonNode parent = example.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode spoilt = "null".equals(value) ? NullNode.getInstance() : JSON.valueToTree(value);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(field), spoilt);
        } else if (value == null) {
            ((ObjectNode) parent).remove(field);
        } else {
            ((ObjectNode) parent).set(field, spoilt);
        }
        assertFalse(EventContract.violations(type, example.toString()).isEmpty(), what + " passed: " + example);
    }

    @org.junit.jupiter.api.Test
    void everySchemaFileIsAPublishedTypeOrSharedByThem() {
        List<String> expected = Stream.concat(
                        published().map(typeAndTopic -> EventContract.fileOf(typeAndTopic[0])),
                        Stream.of("plan-item.v1.json", "prescription.v1.json"))
                .sorted()
                .toList();
        assertEquals(expected, EventContract.files(EventContract.PLANNER));
    }
}
