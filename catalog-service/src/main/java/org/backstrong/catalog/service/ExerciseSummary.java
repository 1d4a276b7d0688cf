package org.backstrong.catalog.service;

import java.util.List;

/** An exercise as listed: enough to choose one, without its steps and notes. */
public record ExerciseSummary(
        String id,
        String name,
        String summary,
        String category,
        List<String> regions,
        List<String> primaryMuscles,
        List<String> secondaryMuscles,
        List<List<String>> equipment,
        Dose dose,
        int difficulty,
        String status,
        int version,
        boolean clinicOwned) {}
