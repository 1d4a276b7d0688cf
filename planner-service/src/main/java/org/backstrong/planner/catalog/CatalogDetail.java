package org.backstrong.planner.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An exercise with everything its catalog page shows: steps, dose, safety notes, easier and harder variants. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogDetail(
        String id,
        String name,
        String summary,
        String category,
        List<String> regions,
        List<String> primaryMuscles,
        List<String> secondaryMuscles,
        List<List<String>> equipment,
        List<String> steps,
        List<String> cues,
        List<String> safetyNotes,
        CatalogExercise.Dose dose,
        Integer difficulty,
        List<String> easierVariants,
        List<String> harderVariants,
        String status,
        int version,
        boolean clinicOwned) {}
