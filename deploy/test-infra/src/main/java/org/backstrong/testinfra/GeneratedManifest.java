package org.backstrong.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Holds deploy/kubernetes/base/&lt;service&gt;/kubernetes.yml (kustomize cannot read target/) to the
 * Deployment and Service quarkus-kubernetes wrote at package. Objects are compared, not text: the
 * generator lists a container's ports in no fixed order, so lists of named entries are compared by name.
 */
public final class GeneratedManifest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private GeneratedManifest() {}

    public static void assertCommittedCopyIsCurrent(String service) throws IOException {
        Path generated = Path.of("target/kubernetes/kubernetes.yml");
        Path committed = Path.of("../deploy/kubernetes/base/" + service + "/kubernetes.yml");
        assertEquals(
                objects(generated),
                objects(committed),
                committed
                        + " is stale: refresh it as deploy/kubernetes/README.md says (./mvnw -pl " + service
                        + " -DskipTests package, then copy " + generated + " over it, keeping its comment)");
    }

    private static List<JsonNode> objects(Path file) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(Files.readString(file, StandardCharsets.UTF_8))) {
            for (var documents = YAML.readValues(parser, JsonNode.class); documents.hasNext(); ) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull()) {
                    objects.add(sorted(document));
                }
            }
        }
        return objects;
    }

    /** The same tree with every list whose entries all have a name sorted by that name. */
    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> object.set(field.getKey(), sorted(field.getValue())));
            return object;
        }
        if (node instanceof ArrayNode array) {
            List<JsonNode> entries = new ArrayList<>();
            array.forEach(entry -> entries.add(sorted(entry)));
            if (!entries.isEmpty() && entries.stream().allMatch(entry -> entry.hasNonNull("name"))) {
                entries.sort(Comparator.comparing(entry -> entry.get("name").asText()));
            }
            ArrayNode copy = array.arrayNode();
            copy.addAll(entries);
            return copy;
        }
        return node;
    }
}
