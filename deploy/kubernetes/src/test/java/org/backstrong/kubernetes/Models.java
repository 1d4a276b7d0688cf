package org.backstrong.kubernetes;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Reads an object into the fabric8 or Strimzi model of its kind, and refuses fields that the model
 * does not know: both models keep such fields aside (additionalProperties) instead of failing, so a
 * misspelt field would otherwise pass unnoticed, and be dropped by the cluster's schema.
 */
final class Models {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Models() {}

    static <T> T read(JsonNode object, Class<T> type) {
        T model = SERIALIZATION.convertValue(object, type);
        List<String> unknown = new ArrayList<>();
        unknownFields(
                model,
                object.path("kind").asText() + " "
                        + object.path("metadata").path("name").asText(),
                unknown,
                new IdentityHashMap<>());
        if (!unknown.isEmpty()) {
            fail("fields unknown to " + type.getName() + ": " + unknown);
        }
        return model;
    }

    private static void unknownFields(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> unknownFields(item, path + "." + key, unknown, seen));
            return;
        }
        String packageName = value.getClass().getPackageName();
        if (!packageName.startsWith("io.fabric8.kubernetes.api.model") && !packageName.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getName().equals("getClass")) {
                continue;
            }
            Object property;
            try {
                property = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else {
                unknownFields(property, path + "." + getter.getName().substring(3), unknown, seen);
            }
        }
    }
}
