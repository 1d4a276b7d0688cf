package org.backstrong.planner.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An exercise (or one kept version of it) as catalog-service answers: what the planner needs of it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogExercise(
        String id,
        String name,
        String summary,
        String category,
        List<String> steps,
        List<String> cues,
        List<String> safetyNotes,
        List<List<String>> equipment,
        Dose dose,
        List<String> harderVariants,
        String status,
        int version) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dose(
            String kind,
            int setsMin,
            int setsMax,
            Integer repsMin,
            Integer repsMax,
            Integer secondsMin,
            Integer secondsMax,
            Integer holdSeconds,
            boolean perSide) {}

    public boolean published() {
        return "published".equals(status);
    }
}
