package org.backstrong.catalog.domain;

import java.util.Set;

/**
 * A library search: free text, region, muscle (primary or secondary), category, and the
 * equipment at hand (an exercise matches when one of its equipment alternatives needs nothing
 * else); null means "any". Sort is one of {@link #SORTS}.
 */
public record ExerciseSearch(
        String text,
        String region,
        String muscle,
        String category,
        Set<String> equipment,
        String sort,
        int page,
        int size) {

    public static final Set<String> SORTS = Set.of("name", "-name", "difficulty", "-difficulty", "id", "-id");
}
