package org.backstrong.planner.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;

import org.backstrong.planner.domain.ClinicQuestionnaire;
import org.backstrong.planner.domain.Measure;
import org.backstrong.planner.domain.OutcomeScoring;
import org.backstrong.planner.repository.ClinicQuestionnaireRepository;

/**
 * The ODI wording a clinic holds a licence for, loaded by the clinic (Backstrong never ships it): a FHIR
 * Questionnaire of 10 choice items (the sections, in order) with 6 answer options each (scored 0–5 in
 * order). It is checked on upload, each fault a 400 naming the field; loading it again replaces it.
 */
@ApplicationScoped
public class LicensedWordings {

    /** What the outcome event and the API carry of a canonical: at most this long (url|version). */
    public static final int CANONICAL_MAX_LENGTH = 200;

    public static final int OPTIONS = OutcomeScoring.ODI_SECTION_MAX + 1;

    private final ClinicQuestionnaireRepository wordings;

    public LicensedWordings(ClinicQuestionnaireRepository wordings) {
        this.wordings = wordings;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ClinicQuestionnaire> odi(String clinicId) {
        return wordings.of(clinicId, Measure.ODI);
    }

    /** Stores (or replaces) the clinic's ODI wording; whether it was new. */
    @Transactional
    public Logged<ClinicQuestionnaire> loadOdi(String clinicId, String loadedBy, JsonNode questionnaire) {
        List<String> sections = checkedSections(questionnaire);
        String canonical = questionnaire.path("url").textValue() + "|"
                + questionnaire.path("version").textValue();
        Optional<ClinicQuestionnaire> earlier = wordings.of(clinicId, Measure.ODI);
        ClinicQuestionnaire wording = earlier.orElseGet(ClinicQuestionnaire::new);
        wording.key = new ClinicQuestionnaire.Key(clinicId, Measure.ODI);
        wording.questionnaire = questionnaire.toString();
        wording.canonical = canonical;
        wording.sections = new ArrayList<>(sections);
        wording.loadedBy = loadedBy;
        wording.loadedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        if (earlier.isEmpty()) {
            wordings.persist(wording);
        }
        Log.infof("Clinic %s loaded its ODI wording %s", clinicId, canonical);
        return new Logged<>(wording, earlier.isEmpty());
    }

    /** The linkIds of the 10 sections, once every rule holds. */
    static List<String> checkedSections(JsonNode questionnaire) {
        if (questionnaire == null || !questionnaire.isObject()) {
            throw invalid("body", "a FHIR Questionnaire (a JSON object) is required");
        }
        if (!"Questionnaire".equals(questionnaire.path("resourceType").textValue())) {
            throw invalid("resourceType", "must be \"Questionnaire\"");
        }
        String url = text(questionnaire, "url", "url");
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || !Set.of("http", "https").contains(uri.getScheme())) {
                throw invalid("url", "must be an absolute http or https URL (the wording's canonical)");
            }
        } catch (URISyntaxException e) {
            throw invalid("url", "must be an absolute http or https URL (the wording's canonical)");
        }
        String version = text(questionnaire, "version", "version");
        if (url.length() + 1 + version.length() > CANONICAL_MAX_LENGTH) {
            throw invalid("url", "url|version must be at most " + CANONICAL_MAX_LENGTH + " characters");
        }
        JsonNode items = questionnaire.path("item");
        if (!items.isArray() || items.size() != OutcomeScoring.ODI_SECTIONS) {
            throw invalid("item", "the ODI has " + OutcomeScoring.ODI_SECTIONS + " sections: 10 items");
        }
        List<String> sections = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < items.size(); index++) {
            JsonNode item = items.get(index);
            String at = "item[" + index + "]";
            if (!item.isObject()) {
                throw invalid(at, "must be a Questionnaire item");
            }
            String linkId = text(item, "linkId", at + ".linkId");
            if (linkId.length() > 64 || !seen.add(linkId)) {
                throw invalid(at + ".linkId", "must be unique and at most 64 characters");
            }
            text(item, "text", at + ".text");
            if (!"choice".equals(item.path("type").textValue())) {
                throw invalid(at + ".type", "must be \"choice\"");
            }
            JsonNode options = item.path("answerOption");
            if (!options.isArray() || options.size() != OPTIONS) {
                throw invalid(
                        at + ".answerOption", "each section has " + OPTIONS + " statements, scored 0 to 5 in order");
            }
            for (int option = 0; option < options.size(); option++) {
                JsonNode answer = options.get(option);
                boolean worded = answer.path("valueString").isTextual()
                                && !answer.path("valueString").textValue().isBlank()
                        || answer.path("valueCoding").path("display").isTextual()
                                && !answer.path("valueCoding")
                                        .path("display")
                                        .textValue()
                                        .isBlank();
                if (!worded) {
                    throw invalid(
                            at + ".answerOption[" + option + "]",
                            "needs its statement as valueString or valueCoding.display");
                }
            }
            sections.add(linkId);
        }
        return sections;
    }

    private static String text(JsonNode node, String name, String field) {
        JsonNode value = node.path(name);
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw invalid(field, "required: text");
        }
        return value.textValue();
    }

    private static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException(400, "invalid-questionnaire", field, message);
    }
}
