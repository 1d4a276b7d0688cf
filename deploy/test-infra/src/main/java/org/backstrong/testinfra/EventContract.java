package org.backstrong.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The event contract as its producers keep it: the JSON Schemas of planner-service and of
 * progress-service, read from the source tree by either service's tests (which run in the
 * service's folder), so that either side's drift fails both.
 */
public final class EventContract {

    /** The repository's root, from this module's folder (where tests run). */
    public static final Path REPO = Path.of("..");
    /** Where each producer keeps its schemas, relative to the repository's root. */
    public static final String PLANNER = "planner-service/src/main/resources/contract/";

    public static final String PROGRESS = "progress-service/src/main/resources/contract/";
    /** The AsyncAPI document that names the topics, headers and a schema for each type. */
    public static final Path ASYNCAPI = REPO.resolve("contract/asyncapi.yaml");
    /**
     * A schema's $id is this followed by its path in the repository, so that a $ref resolves to
     * the same schema by $id (validators) and by file (the AsyncAPI tools).
     */
    public static final String ID_ROOT = "https://backstrong.org/";

    private static final String TYPE_PREFIX = "backstrong.";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> BY_ID = schemasById();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemas(BY_ID)
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build()));

    private EventContract() {}

    /** The schema file of a ce_type: backstrong.set.completed.v1 is set.completed.v1.json. */
    public static String fileOf(String type) {
        if (!type.startsWith(TYPE_PREFIX)) {
            throw new IllegalArgumentException("Not a Backstrong event type: " + type);
        }
        return type.substring(TYPE_PREFIX.length()) + ".json";
    }

    public static Schema schema(String type) {
        return SCHEMAS.getSchema(SchemaLocation.of(idOf(type)));
    }

    /** The $id of a type's schema, in whichever producer's folder it is. */
    public static String idOf(String type) {
        String file = fileOf(type);
        return Stream.of(PLANNER, PROGRESS)
                .map(folder -> ID_ROOT + folder + file)
                .filter(BY_ID::containsKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No schema for " + type));
    }

    /** What is wrong with an event's data by its type's schema: empty when it is valid. */
    public static List<String> violations(String type, String data) {
        return schema(type).validate(data, InputFormat.JSON).stream()
                .map(Object::toString)
                .toList();
    }

    public static void assertValid(String type, String data) {
        assertEquals(List.of(), violations(type, data), type + " breaks its schema: " + data);
    }

    /** Each of a type's schema examples, as JSON text. */
    public static List<String> examples(String type) {
        List<String> examples = new ArrayList<>();
        schemaNode(type).path("examples").forEach(example -> examples.add(example.toString()));
        return examples;
    }

    public static JsonNode schemaNode(String type) {
        try {
            return JSON.readTree(BY_ID.get(idOf(type)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the AsyncAPI document says travels on a topic: each message's ce_type and the schema
     * file its payload names (relative to the document).
     */
    public static Map<String, String> messagesOn(String topic) {
        JsonNode document;
        try {
            document = new YAMLMapper().readTree(ASYNCAPI.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> schemaByType = new LinkedHashMap<>();
        document.path("channels").forEach(channel -> {
            if (topic.equals(channel.path("address").asText())) {
                channel.path("messages").forEach(reference -> {
                    JsonNode message =
                            document.at(reference.path("$ref").asText().substring(1));
                    String type = message.at("/headers/allOf/1/properties/ce_type/const")
                            .asText();
                    schemaByType.put(type, message.at("/payload/schema/$ref").asText());
                });
            }
        });
        return schemaByType;
    }

    /** The schema files of one producer, by file name. */
    public static List<String> files(String folder) {
        try (Stream<Path> files = Files.list(REPO.resolve(folder))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every schema of both producers, keyed by its $id; a file whose $id does not name it fails here. */
    private static Map<String, String> schemasById() {
        Map<String, String> byId = new TreeMap<>();
        for (String folder : List.of(PLANNER, PROGRESS)) {
            for (String name : files(folder)) {
                try {
                    String text = Files.readString(REPO.resolve(folder + name));
                    String id = JSON.readTree(text).path("$id").asText();
                    if (!id.equals(ID_ROOT + folder + name)) {
                        throw new IllegalStateException(
                                folder + name + " has $id " + id + ", not " + ID_ROOT + folder + name);
                    }
                    if (byId.put(id, text) != null) {
                        throw new IllegalStateException("Two schemas have $id " + id);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return byId;
    }
}
