package org.backstrong.planner.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.backstrong.planner.domain.Measure;
import org.backstrong.planner.domain.OutcomeScoring;
import org.backstrong.planner.service.DueMeasure;
import org.backstrong.planner.service.LicensedWordings;

/**
 * The phone form of a due outcome measure, built from its Questionnaire (the shipped ones from
 * src/main/resources/questionnaires/, ODI from the clinic's licensed wording): one question per item,
 * each input named {@code answers.<linkId>}, as the API's problem details name a refused answer.
 */
@ApplicationScoped
public class OutcomeForms {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    /** A form: what the patient reads and the hidden fields the script sends with the answers. */
    public record Form(
            String formId,
            UUID id,
            UUID planId,
            String measure,
            String occasion,
            String dueOn,
            String title,
            String when,
            String intro,
            List<Question> questions) {}

    /**
     * One question. {@code kind}: rating (0–10), tick (a statement that describes me today), choice (one of
     * {@code options}, scored by position), activity (a PSFS activity: its name, given or to write, and a rating).
     */
    public record Question(
            String kind,
            String linkId,
            String text,
            boolean required,
            List<String> options,
            String nameLinkId,
            String activity) {

        public String field() {
            return "answers." + linkId;
        }

        public String nameField() {
            return "answers." + nameLinkId;
        }

        /** An id for the label and the input, from the linkId. */
        public String inputId() {
            return "outcome-" + linkId;
        }
    }

    private final Map<Measure, JsonNode> shipped = new EnumMap<>(Measure.class);
    private final LicensedWordings wordings;
    private final ObjectMapper json;

    public OutcomeForms(ObjectMapper json, LicensedWordings wordings) {
        this.json = json;
        this.wordings = wordings;
        for (Measure measure : Measure.values()) {
            if (measure.shipped()) {
                shipped.put(measure, read("/questionnaires/" + measure.questionnaireId() + ".json"));
            }
        }
    }

    /** The form of a due measure; {@code clinicId} finds a licensed wording. */
    public Form of(DueMeasure due, String clinicId) {
        JsonNode questionnaire = due.measure().shipped()
                ? shipped.get(due.measure())
                : wordings.odi(clinicId)
                        .map(wording -> parse(wording.questionnaire))
                        .orElseThrow(() -> new IllegalStateException("ODI is due without its wording"));
        List<Question> questions = new ArrayList<>();
        String intro = questionnaire.path("description").asText("");
        for (JsonNode item : questionnaire.path("item")) {
            String linkId = item.path("linkId").asText();
            String type = item.path("type").asText();
            String text = item.path("text").asText("");
            boolean required = item.path("required").asBoolean(false);
            switch (type) {
                case "display" -> intro = text;
                case "integer" -> questions.add(new Question("rating", linkId, text, required, List.of(), null, null));
                case "boolean" -> questions.add(new Question("tick", linkId, text, false, List.of(), null, null));
                case "choice" -> {
                    List<String> options = new ArrayList<>();
                    for (JsonNode option : item.path("answerOption")) {
                        options.add(
                                option.path("valueString").isTextual()
                                        ? option.path("valueString").asText()
                                        : option.path("valueCoding")
                                                .path("display")
                                                .asText());
                    }
                    questions.add(new Question("choice", linkId, text, false, options, null, null));
                }
                case "group" -> activity(item, due, required).ifPresent(questions::add);
                default -> throw new IllegalStateException("No form for item type " + type + " of " + linkId);
            }
        }
        return new Form(
                "outcome-" + due.measure().questionnaireId(),
                UUID.randomUUID(),
                due.planId(),
                due.measure().name(),
                due.occasion().name(),
                due.dueOn().toString(),
                questionnaire.path("title").asText(due.measure().name()),
                occasion(due),
                intro,
                questions);
    }

    /** A PSFS activity row; after the first PSFS only the activities named then, by name. */
    private static java.util.Optional<Question> activity(JsonNode group, DueMeasure due, boolean required) {
        int number = Integer.parseInt(group.path("linkId").asText().replaceAll("\\D+", ""));
        boolean named = !due.activities().isEmpty();
        if (named && number > due.activities().size()) {
            return java.util.Optional.empty();
        }
        String prefix = "activity-" + number;
        return java.util.Optional.of(new Question(
                "activity",
                prefix + "-rating",
                named
                        ? "How able are you to do it today, from 0 (unable to do it) to 10 (able to do it as before)?"
                        : group.path("item").get(1).path("text").asText(),
                named || number <= OutcomeScoring.PSFS_MIN_ACTIVITIES || required,
                List.of(),
                prefix + "-name",
                named ? due.activities().get(number - 1) : null));
    }

    private static String occasion(DueMeasure due) {
        String day = due.dueOn().format(DAY);
        return switch (due.occasion()) {
            case BASELINE -> "At the start of your plan (" + day + ")";
            case FOLLOW_UP -> "Two-weekly follow-up (" + day + ")";
            case END_OF_PLAN -> "At the end of your plan (" + day + ")";
        };
    }

    private JsonNode read(String resource) {
        try (InputStream in = OutcomeForms.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable licensed wording", e);
        }
    }
}
