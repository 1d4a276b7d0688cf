package org.backstrong.testinfra;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bad requests generated from a service's OpenAPI document, each with exactly one thing wrong:
 * for every operation, every path and query parameter with a NUL (and, for a date, one out of
 * range), and for every JSON body every property, at any depth, given a value of the wrong JSON
 * type, text with a NUL, a fraction or an overflowing number for an integer, "" where "" is no
 * value, a date PostgreSQL cannot hold, and the body with a key given twice. A service's test
 * sends them and expects a 4xx problem naming {@link Case#field()}, and nothing stored.
 */
public final class BadInputCases {

    /** Text no field may hold. */
    public static final String NUL_TEXT = "a\u0000b";
    /** Dates the services refuse: ISO would parse the first, PostgreSQL would not store it. */
    public static final List<String> OUT_OF_RANGE_DATES =
            List.of("+9999999-12-31", "-999999999-01-01", "1899-12-31", "2201-01-01");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** NUL, control characters and half surrogates travel as \\u escapes, the body as ASCII. */
    private static final ObjectWriter WRITER = JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** How to send a valid request to one operation: its path values, headers and a valid body. */
    public record Valid(Map<String, String> pathValues, Map<String, String> headers, String body) {

        public static Valid of(Map<String, String> pathValues, String body) {
            return new Valid(pathValues, Map.of(), body);
        }
    }

    /** One request with one thing wrong; {@code field} is what the problem must name. */
    public record Case(
            String operation,
            String what,
            String method,
            String path,
            Map<String, String> query,
            Map<String, String> headers,
            String body,
            String field,
            List<String> roles) {

        @Override
        public String toString() {
            return operation + ": " + what;
        }
    }

    private BadInputCases() {}

    /** The operation's key as tests name it: "POST /exercises/{id}/publish". */
    public static String key(String method, String path) {
        return method.toUpperCase() + " " + path;
    }

    /**
     * Every case of every operation. {@code valid} holds a valid request per operation key (an
     * operation with a JSON body must have one; one without falls back to made-up path values);
     * {@code dateParameters} names the string parameters that carry a date.
     */
    public static List<Case> of(JsonNode openApi, Map<String, Valid> valid, Set<String> dateParameters) {
        List<Case> cases = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                cases.addAll(ofOperation(openApi, method, path.getKey(), operation.getValue(), valid, dateParameters));
            }
        }
        return cases;
    }

    private static List<Case> ofOperation(
            JsonNode openApi,
            String method,
            String template,
            JsonNode operation,
            Map<String, Valid> valid,
            Set<String> dateParameters) {
        String key = key(method, template);
        List<String> roles = roles(operation);
        JsonNode bodySchema = operation
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        Valid request = valid.get(key);
        if (request == null) {
            if (!bodySchema.isMissingNode()) {
                throw new IllegalStateException("No valid request for " + key + ": add one to the test's table");
            }
            request = new Valid(Map.of(), Map.of(), null);
        }
        Map<String, String> pathValues = new LinkedHashMap<>();
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            if ("path".equals(parameter.path("in").asText())) {
                String name = parameter.path("name").asText();
                pathValues.put(name, request.pathValues().getOrDefault(name, madeUp(parameter.path("schema"))));
            }
        }
        List<Case> cases = new ArrayList<>();
        Builder builder =
                new Builder(key, method, template, pathValues, request.headers(), request.body(), roles, cases);
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            boolean date = dateParameters.contains(name)
                    || "date".equals(parameter.path("schema").path("format").asText());
            if ("path".equals(in)) {
                builder.path(name, NUL_TEXT, "NUL in path parameter " + name);
                if (date) {
                    OUT_OF_RANGE_DATES.forEach(
                            bad -> builder.path(name, bad, "date " + bad + " in path parameter " + name));
                }
            } else if ("query".equals(in)) {
                builder.query(name, NUL_TEXT, "NUL in query parameter " + name);
                if (date) {
                    OUT_OF_RANGE_DATES.forEach(
                            bad -> builder.query(name, bad, "date " + bad + " in query parameter " + name));
                }
            }
        }
        if (!bodySchema.isMissingNode() && request.body() != null) {
            JsonNode body = read(request.body());
            bodyCases(openApi, resolve(openApi, bodySchema), body, body, "", true, builder);
            duplicateKey(body, builder);
        }
        return cases;
    }

    /** The cases for one value of the body at {@code field}, then for what it holds. */
    private static void bodyCases(
            JsonNode openApi,
            JsonNode schema,
            JsonNode root,
            JsonNode value,
            String field,
            boolean required,
            Builder builder) {
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if (!field.isEmpty()) {
            for (Map.Entry<String, JsonNode> bad :
                    badValues(type, format, required).entrySet()) {
                builder.body(replaced(root, field, bad.getValue()), field, bad.getKey() + " for " + field);
            }
        }
        if ("object".equals(type) || schema.has("properties")) {
            Set<String> requiredNames = new java.util.HashSet<>();
            schema.path("required").forEach(name -> requiredNames.add(name.asText()));
            Iterator<Map.Entry<String, JsonNode>> properties =
                    schema.path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                String name = property.getKey();
                String child = field.isEmpty() ? name : field + "." + name;
                JsonNode present = value == null ? null : value.get(name);
                if (present == null || present.isNull()) {
                    // Absent from the valid body: a bad value is still a bad value.
                    JsonNode propertySchema = resolve(openApi, property.getValue());
                    String childType = propertySchema.path("type").asText();
                    for (Map.Entry<String, JsonNode> bad : badValues(
                                    childType, propertySchema.path("format").asText(), requiredNames.contains(name))
                            .entrySet()) {
                        builder.body(replaced(root, child, bad.getValue()), child, bad.getKey() + " for " + child);
                    }
                    continue;
                }
                bodyCases(
                        openApi,
                        resolve(openApi, property.getValue()),
                        root,
                        present,
                        child,
                        requiredNames.contains(name),
                        builder);
            }
        } else if ("array".equals(type) && value != null && value.isArray() && !value.isEmpty()) {
            bodyCases(
                    openApi, resolve(openApi, schema.path("items")), root, value.get(0), field + "[0]", true, builder);
        }
    }

    /** What a value of this schema must never be taken for, by what it is. */
    private static Map<String, JsonNode> badValues(String type, String format, boolean required) {
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        switch (type) {
            case "string" -> {
                bad.put("a number", NODES.numberNode(7));
                bad.put("true", NODES.booleanNode(true));
                bad.put("an object", NODES.objectNode());
                if ("date".equals(format)) {
                    bad.put("a day count", NODES.numberNode(-1));
                    bad.put(
                            "a [y, m, d] array",
                            NODES.arrayNode().add(2025).add(1).add(6));
                    OUT_OF_RANGE_DATES.forEach(date -> bad.put("date " + date, NODES.textNode(date)));
                    bad.put("\"\"", NODES.textNode(""));
                } else if ("uuid".equals(format)) {
                    bad.put("\"\"", NODES.textNode(""));
                    bad.put("NUL text", NODES.textNode(NUL_TEXT));
                } else {
                    bad.put("NUL text", NODES.textNode(NUL_TEXT));
                    bad.put("a control character", NODES.textNode("a\u0007b"));
                    bad.put("half a surrogate pair", NODES.textNode("a\ud800b"));
                    if (required) {
                        bad.put("\"\"", NODES.textNode(""));
                    }
                }
            }
            case "integer" -> {
                bad.put("a numeric string", NODES.textNode("5"));
                bad.put("a fraction", NODES.numberNode(2.5));
                bad.put("2**31", NODES.numberNode(2147483648L));
                bad.put("2**63", NODES.numberNode(new java.math.BigInteger("9223372036854775808")));
                bad.put("1e308", NODES.numberNode(new java.math.BigDecimal("1e308")));
                bad.put("true", NODES.booleanNode(true));
                bad.put("\"\"", NODES.textNode(""));
            }
            case "number" -> {
                bad.put("a numeric string", NODES.textNode("5"));
                bad.put("1e308", NODES.numberNode(new java.math.BigDecimal("1e308")));
                bad.put("true", NODES.booleanNode(true));
                bad.put("\"\"", NODES.textNode(""));
            }
            case "boolean" -> {
                bad.put("1", NODES.numberNode(1));
                bad.put("2**63", NODES.numberNode(new java.math.BigInteger("9223372036854775808")));
                bad.put("\"true\"", NODES.textNode("true"));
                bad.put("\"\"", NODES.textNode(""));
            }
            case "array" -> {
                bad.put("a number", NODES.numberNode(7));
                bad.put("\"\"", NODES.textNode(""));
            }
            case "object" -> {
                bad.put("a number", NODES.numberNode(7));
                bad.put("\"\"", NODES.textNode(""));
            }
            default -> {
                // A schema without a type (a $ref to an object is resolved before): nothing to say.
            }
        }
        return bad;
    }

    /** The valid body with its first key given twice. */
    private static void duplicateKey(JsonNode body, Builder builder) {
        if (!body.isObject() || body.isEmpty()) {
            return;
        }
        Map.Entry<String, JsonNode> first = body.fields().next();
        String text = write(body);
        String twice =
                "{" + write(NODES.textNode(first.getKey())) + ":" + write(first.getValue()) + "," + text.substring(1);
        builder.body(twice, first.getKey(), "the key " + first.getKey() + " twice");
    }

    /** A copy of {@code root} with the value at {@code field} ("items[0].prescription.sets") replaced. */
    private static String replaced(JsonNode root, String field, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        List<Object> steps = steps(field);
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = steps.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) steps.get(i));
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return write(copy);
    }

    private static List<Object> steps(String field) {
        List<Object> steps = new ArrayList<>();
        for (String part : field.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.isEmpty()) {
                steps.add(name);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                steps.add(Integer.valueOf(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return steps;
    }

    private static JsonNode resolve(JsonNode openApi, JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            String ref = resolved.path("$ref").asText();
            resolved = openApi.at(ref.substring(1));
        }
        if (resolved.has("allOf") && resolved.path("allOf").size() == 1) {
            return resolve(openApi, resolved.path("allOf").get(0));
        }
        return resolved;
    }

    private static List<String> roles(JsonNode operation) {
        List<String> roles = new ArrayList<>();
        operation
                .path("security")
                .forEach(requirement -> requirement
                        .fields()
                        .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
        return roles;
    }

    private static String madeUp(JsonNode schema) {
        return "uuid".equals(schema.path("format").asText()) ? UUID.randomUUID().toString() : "made-up";
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + json, e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects the cases of one operation. */
    private record Builder(
            String key,
            String method,
            String template,
            Map<String, String> pathValues,
            Map<String, String> headers,
            String validBody,
            List<String> roles,
            List<Case> cases) {

        void path(String name, String value, String what) {
            Map<String, String> values = new LinkedHashMap<>(pathValues);
            values.put(name, value);
            cases.add(new Case(key, what, method, expand(values), Map.of(), headers, validBody, name, roles));
        }

        void query(String name, String value, String what) {
            cases.add(new Case(
                    key, what, method, expand(pathValues), Map.of(name, value), headers, validBody, name, roles));
        }

        void body(String body, String field, String what) {
            cases.add(new Case(key, what, method, expand(pathValues), Map.of(), headers, body, field, roles));
        }

        private String expand(Map<String, String> values) {
            String path = template;
            for (Map.Entry<String, String> value : values.entrySet()) {
                path = path.replace(
                        "{" + value.getKey() + "}",
                        java.net.URLEncoder.encode(value.getValue(), java.nio.charset.StandardCharsets.UTF_8)
                                .replace("+", "%20"));
            }
            return path;
        }
    }
}
