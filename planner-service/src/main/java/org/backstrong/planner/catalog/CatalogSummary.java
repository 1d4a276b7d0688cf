package org.backstrong.planner.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An exercise as the catalog lists it: enough to choose one, without its steps and notes. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogSummary(
        String id,
        String name,
        String summary,
        String category,
        List<String> regions,
        List<String> primaryMuscles,
        List<List<String>> equipment,
        CatalogExercise.Dose dose,
        Integer difficulty,
        String status,
        int version,
        boolean clinicOwned) {

    public boolean published() {
        return "published".equals(status);
    }
}
