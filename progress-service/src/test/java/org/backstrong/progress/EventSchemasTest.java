package org.backstrong.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.EventContract;

/** The schemas progress-service publishes by: sound draft 2020-12 schemas, with examples they accept, named in the AsyncAPI document. */
class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> published() {
        return Stream.of(EventTypes.PROGRESSION_ADJUSTED, EventTypes.PAIN_FLAGGED, EventTypes.PAIN_FLAG_RESOLVED);
    }

    @ParameterizedTest
    @MethodSource("published")
    void eachSchemaIsAValidDraft2020Schema(String type) {
        var metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(
                List.of(),
                metaSchema.validate(EventContract.schemaNode(type).toString(), InputFormat.JSON).stream()
                        .map(Object::toString)
                        .toList());
    }

    @ParameterizedTest
    @MethodSource("published")
    void eachSchemaCarriesExamplesItAccepts(String type) {
        List<String> examples = EventContract.examples(type);
        assertFalse(examples.isEmpty(), type + " has no examples");
        examples.forEach(example -> EventContract.assertValid(type, example));
    }

    @ParameterizedTest
    @MethodSource("published")
    void theAsyncApiDocumentNamesEachTypeOnProgressEventsWithItsSchema(String type) {
        Map<String, String> messages = EventContract.messagesOn(Topics.PROGRESS_EVENTS);
        assertEquals(
                "../" + EventContract.PROGRESS + EventContract.fileOf(type),
                messages.get(type),
                type + " on " + Topics.PROGRESS_EVENTS + " in " + EventContract.ASYNCAPI);
    }

    @Test
    void everySchemaFileIsAPublishedType() {
        assertEquals(
                published().map(EventContract::fileOf).sorted().toList(), EventContract.files(EventContract.PROGRESS));
    }

    /** An example spoilt one way: what it breaks, the type, a field (a JSON pointer) and its new value (null: left out). */
    static Stream<Arguments> spoiltExamples() {
        return Stream.of(
                Arguments.of(
                        "a domain getter inside the prescription",
                        EventTypes.PROGRESSION_ADJUSTED,
                        "/after/timedHold",
                        false),
                Arguments.of("a field the schema does not name", EventTypes.PAIN_FLAGGED, "/mood", "great"),
                Arguments.of("a prescription without its sets", EventTypes.PROGRESSION_ADJUSTED, "/before/sets", null),
                Arguments.of(
                        "a rule that does not adjust", EventTypes.PROGRESSION_ADJUSTED, "/rule", "PAIN_FOUR_TO_FIVE"),
                Arguments.of(
                        "a suggestion without the harder variant's rule",
                        EventTypes.PROGRESSION_ADJUSTED,
                        "/suggestedVariantId",
                        "suspended-row"),
                Arguments.of("an unknown severity", EventTypes.PAIN_FLAGGED, "/severity", "INFO"),
                Arguments.of("a flag id that is no UUID", EventTypes.PAIN_FLAG_RESOLVED, "/flagId", "flag-1"),
                Arguments.of(
                        "a note longer than a resolution allows",
                        EventTypes.PAIN_FLAG_RESOLVED,
                        "/note",
                        "x".repeat(2001)),
                Arguments.of(
                        "an instant without its offset",
                        EventTypes.PAIN_FLAG_RESOLVED,
                        "/resolvedAt",
                        "2026-03-13T16:20:41"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spoiltExamples")
    void theSchemasRefuseWhatAProducerMustNotSend(String what, String type, String pointer, Object value)
            throws JsonProcessingException {
        ObjectNode example =
                (ObjectNode) JSON.readTree(EventContract.examples(type).get(0));
        ObjectNode parent = (ObjectNode) example.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (value == null) {
            parent.remove(field);
        } else {
            parent.set(field, JSON.<JsonNode>valueToTree(value));
        }
        assertFalse(EventContract.violations(type, example.toString()).isEmpty(), what + " passed: " + example);
    }
}
