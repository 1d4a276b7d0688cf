package org.backstrong.e2e;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** A set a patient can log next, found through the patient's own API as their phone finds it. */
final class NextSet {

    private NextSet() {}

    /** The patient's latest session day up to today, as their phone shows it. */
    static JsonNode latestSession(Api patient) {
        for (int back = 0; back < 14; back++) {
            JsonNode session =
                    patient.getFromPlanner("/me/sessions/" + LocalDate.now().minusDays(back));
            if (session.path("scheduled").asBoolean() && session.path("items").size() > 0) {
                return session;
            }
        }
        throw new AssertionError("no session day in the last two weeks");
    }

    /** The next set of the session's first exercise that has one left, at its dose, as the session page sends it. */
    static String of(JsonNode session) {
        for (JsonNode item : session.path("items")) {
            JsonNode dose = item.path("dose");
            boolean perSide = dose.path("perSide").asBoolean();
            int logged = 0;
            for (JsonNode set : item.path("logged")) {
                if (!perSide || "left".equals(set.path("side").asText())) {
                    logged++;
                }
            }
            if (item.path("paused").asBoolean() || logged >= dose.path("sets").asInt()) {
                continue;
            }
            StringBuilder set = new StringBuilder("{\"setId\": \"" + UUID.randomUUID() + "\", \"planId\": \""
                    + session.path("planId").asText() + "\", \"itemId\": \""
                    + item.path("itemId").asText()
                    + "\", \"date\": \"" + session.path("date").asText() + "\", \"setNumber\": " + (logged + 1)
                    + ", \"pain\": 1, \"beyondNormalFatigue\": false");
            if (perSide) {
                set.append(", \"side\": \"left\"");
            }
            if ("reps".equals(dose.path("kind").asText())) {
                set.append(", \"reps\": ")
                        .append(
                                dose.hasNonNull("reps")
                                        ? dose.path("reps").asInt()
                                        : dose.path("repsMin").asInt())
                        .append(", \"rir\": 2");
            } else {
                set.append(", \"seconds\": ")
                        .append(
                                dose.hasNonNull("seconds")
                                        ? dose.path("seconds").asInt()
                                        : dose.path("secondsMin").asInt())
                        .append(", \"rpe\": 7");
            }
            if (dose.hasNonNull("loadKg")) {
                set.append(", \"loadKg\": ").append(dose.path("loadKg").asText());
            }
            if (dose.hasNonNull("band")) {
                set.append(", \"band\": \"").append(dose.path("band").asText()).append("\"");
            }
            return set.append('}').toString();
        }
        throw new AssertionError(
                "no set left to log in the session of " + session.path("date").asText());
    }
}
