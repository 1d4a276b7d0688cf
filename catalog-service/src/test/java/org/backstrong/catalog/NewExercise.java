package org.backstrong.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A valid exercise body to create or edit, with fields a test can replace. */
final class NewExercise {

    private NewExercise() {}

    /** A new exercise as a client posts it: the server assigns its id. */
    static Map<String, Object> body() {
        Map<String, Object> body = body(null);
        body.remove("id");
        return body;
    }

    /** The exercise as an edit of {@code id} sends it. */
    static Map<String, Object> body(String id) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", "Wall slide");
        body.put("summary", "Slide the arms up a wall keeping contact, for shoulder-blade control.");
        body.put("category", "mobility");
        body.put("regions", List.of("upper-back"));
        body.put("primaryMuscles", List.of("trapezius", "rhomboids"));
        body.put("secondaryMuscles", List.of("rotator-cuff"));
        body.put("equipment", List.of(List.of("none")));
        body.put("steps", List.of("Stand with your back to a wall.", "Slide your arms up, keeping contact."));
        body.put("cues", List.of("Keep your ribs down."));
        body.put("safetyNotes", List.of("Stop if you feel pain beyond normal muscle fatigue."));
        body.put(
                "dose",
                new HashMap<>(Map.of(
                        "kind", "reps", "setsMin", 1, "setsMax", 3, "repsMin", 8, "repsMax", 12, "perSide", false)));
        body.put("difficulty", 1);
        body.put("easierVariants", List.of());
        body.put("harderVariants", List.of("band-pull-apart"));
        body.put("mediaLinks", List.of());
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> dose(Map<String, Object> body) {
        return (Map<String, Object>) body.get("dose");
    }
}
