package org.backstrong.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Holds a service's OpenAPI document to its JAX-RS resources: each resource method is an
 * operation at its path with its path parameters, its request body's schema and (when it returns
 * one of the service's records) its answer's schema, and the document
 * has no operation that no listed resource declares (a page, a forgotten resource).
 */
public final class OpenApiCoverage {

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final Set<String> JAX_RS_PARAMETERS = Set.of(
            "PathParam",
            "QueryParam",
            "HeaderParam",
            "CookieParam",
            "FormParam",
            "MatrixParam",
            "BeanParam",
            "Context",
            "Suspended");

    private OpenApiCoverage() {}

    /** Fails naming every operation of {@code resources} the document misses or describes wrongly, and every extra one. */
    public static void assertDescribes(String document, Class<?>... resources) {
        JsonNode paths = parse(document).path("paths");
        List<String> wrong = new ArrayList<>();
        Set<String> declared = new TreeSet<>();
        for (Class<?> resource : resources) {
            String base = pathOf(resource.getAnnotations());
            for (Method method : resource.getDeclaredMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                String path = normalise(base + "/" + pathOf(method.getAnnotations()));
                declared.add(verb + " " + path);
                JsonNode operation = paths.path(path).path(verb.toLowerCase());
                String where = verb + " " + path + " (" + resource.getSimpleName() + "." + method.getName() + ")";
                if (operation.isMissingNode()) {
                    wrong.add(where + " is not in the document");
                    continue;
                }
                checkParameters(method, operation, where, wrong);
                checkAnswer(method, operation, where, wrong);
            }
        }
        Set<String> documented = new TreeSet<>();
        paths.fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(verb -> {
                    if (HTTP_METHODS.contains(verb.toUpperCase())) {
                        documented.add(verb.toUpperCase() + " " + path.getKey());
                    }
                }));
        documented.removeAll(declared);
        documented.forEach(extra -> wrong.add(extra + " is in the document but no listed resource declares it"));
        if (!wrong.isEmpty()) {
            fail("The OpenAPI document does not match the resources:\n  " + String.join("\n  ", wrong));
        }
    }

    private static void checkParameters(Method method, JsonNode operation, String where, List<String> wrong) {
        for (Parameter parameter : method.getParameters()) {
            String pathParam = valueOf(parameter.getAnnotations(), "jakarta.ws.rs.PathParam");
            if (pathParam != null && !hasPathParameter(operation, pathParam)) {
                wrong.add(where + " does not declare its path parameter " + pathParam);
            }
            if (isEntity(parameter)) {
                String ref = operation
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText("");
                String expected = "#/components/schemas/" + parameter.getType().getSimpleName();
                if (!ref.equals(expected)) {
                    wrong.add(where + " takes a " + parameter.getType().getSimpleName() + " body but documents "
                            + (ref.isEmpty() ? "none" : ref));
                }
            }
        }
    }

    /** A method that returns one of the service's records (or a list of them) answers it as JSON. */
    private static void checkAnswer(Method method, JsonNode operation, String where, List<String> wrong) {
        Class<?> type = method.getReturnType();
        boolean list = List.class.isAssignableFrom(type);
        if (list
                && method.getGenericReturnType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
            type = element;
        }
        if (!type.getName().startsWith("org.backstrong.")) {
            return;
        }
        String success = null;
        for (Iterator<String> codes = operation.path("responses").fieldNames(); codes.hasNext(); ) {
            String code = codes.next();
            if (code.startsWith("2") && (success == null || code.compareTo(success) < 0)) {
                success = code;
            }
        }
        JsonNode schema = success == null
                ? null
                : operation
                        .path("responses")
                        .path(success)
                        .path("content")
                        .path("application/json")
                        .path("schema");
        JsonNode ref = schema == null ? null : (list ? schema.path("items") : schema).path("$ref");
        String expected = "#/components/schemas/" + type.getSimpleName();
        if (ref == null
                || !expected.equals(ref.asText())
                || (list && !"array".equals(schema.path("type").asText()))) {
            wrong.add(where + " answers " + (list ? "a list of " : "") + type.getSimpleName() + " but documents "
                    + (schema == null ? "no success answer" : schema.toString()));
        }
    }

    private static boolean hasPathParameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if ("path".equals(parameter.path("in").asText())
                    && name.equals(parameter.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    /** A parameter without a JAX-RS source annotation is the request body. */
    private static boolean isEntity(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            if (JAX_RS_PARAMETERS.contains(annotation.annotationType().getSimpleName())) {
                return false;
            }
        }
        return true;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            String http = valueOf(annotation.annotationType().getAnnotations(), "jakarta.ws.rs.HttpMethod");
            if (http != null) {
                return http;
            }
        }
        return null;
    }

    private static String pathOf(Annotation[] annotations) {
        String path = valueOf(annotations, "jakarta.ws.rs.Path");
        return path == null ? "" : path;
    }

    /** The value() of the annotation named {@code type}, read by name: test-infra does not depend on JAX-RS. */
    private static String valueOf(Annotation[] annotations, String type) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals(type)) {
                try {
                    return (String)
                            annotation.annotationType().getMethod("value").invoke(annotation);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + type + ".value()", e);
                }
            }
        }
        return null;
    }

    /** "/plans/{id}" + "/" + "/items/{itemId: [a-f0-9-]+}/" becomes "/plans/{id}/items/{itemId}". */
    static String normalise(String path) {
        String plain = path.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        if (plain.length() > 1 && plain.endsWith("/")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        return plain.startsWith("/") ? plain : "/" + plain;
    }

    private static JsonNode parse(String document) {
        try {
            JsonNode root = new ObjectMapper().readTree(document);
            assertEquals(true, root.has("paths"), "an OpenAPI document has paths");
            return root;
        } catch (IOException e) {
            throw new IllegalStateException("The OpenAPI document is not JSON: " + e.getMessage(), e);
        }
    }
}
