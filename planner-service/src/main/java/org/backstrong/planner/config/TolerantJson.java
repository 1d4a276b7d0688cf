package org.backstrong.planner.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How planner reads the answers of the other services (catalog, progress): as a tolerant reader,
 * so a field they add is ignored and one they leave out takes its default. The strict rules of
 * the request bodies (StrictJson: no coercion, text and dates checked, duplicate keys refused)
 * still apply; only these two are relaxed.
 */
public final class TolerantJson {

    private TolerantJson() {}

    public static ObjectMapper of(ObjectMapper strict) {
        return strict.copy()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}
