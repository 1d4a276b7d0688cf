package org.backstrong.catalog.service;

import java.util.List;

/** An exercise as the API shows it, and as each of its versions is kept. */
public record ExerciseDocument(
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
        Dose dose,
        int difficulty,
        List<String> easierVariants,
        List<String> harderVariants,
        List<String> mediaLinks,
        String status,
        int version,
        boolean clinicOwned) {}
