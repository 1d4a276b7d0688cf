package org.backstrong.kubernetes;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Renders an overlay of this module with {@code kubectl kustomize}, once per test run, into its objects. */
final class Kustomize {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {}

    /** The objects of overlays/{@code overlay}, as kubectl would apply them. */
    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Kustomize::run);
    }

    private static List<JsonNode> run(String overlay) {
        Path dir = MODULE.resolve("overlays").resolve(overlay);
        Path out;
        Process process;
        try {
            out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
        } catch (IOException e) {
            // No cluster is needed, but kubectl (with its built-in kustomize) is.
            return fail("kubectl is needed to render the overlays (`kubectl kustomize`) and was not found on PATH: "
                    + "install kubectl 1.27 or later (" + e.getMessage() + ")");
        }
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return fail("kubectl kustomize " + dir + " did not finish within 2 minutes");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                return fail("kubectl kustomize " + dir + " failed:\n" + text);
            }
            List<JsonNode> objects = new ArrayList<>();
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
                while (docs.hasNext()) {
                    JsonNode doc = docs.next();
                    if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                        objects.add(doc);
                    }
                }
            }
            return objects;
        } catch (IOException e) {
            return fail("the output of kubectl kustomize " + dir + " is no YAML: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while rendering " + dir);
        } finally {
            out.toFile().delete();
        }
    }

    /** The objects of one kind. */
    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .toList();
    }

    /** The objects of one kind, read as the model class of that kind. */
    static <T> List<T> ofKind(List<JsonNode> objects, String kind, Class<T> type) {
        return ofKind(objects, kind).stream().map(o -> Models.read(o, type)).toList();
    }
}
