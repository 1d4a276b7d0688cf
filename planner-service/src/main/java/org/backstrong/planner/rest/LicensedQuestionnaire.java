package org.backstrong.planner.rest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A licensed wording as a clinic uploads it: a FHIR R4 Questionnaire, taken whole and checked by service/LicensedWordings. */
@Schema(
        type = SchemaType.OBJECT,
        description = "A FHIR R4 Questionnaire: resourceType Questionnaire, url, version, and 10 items (the ODI's"
                + " sections, in order), each of type choice with a linkId, a text and 6 answerOptions (valueString or"
                + " valueCoding.display; scored 0 to 5 in order). Other Questionnaire elements are kept as sent.")
public record LicensedQuestionnaire(
        @Schema(hidden = true) @JsonValue JsonNode json) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LicensedQuestionnaire {}
}
