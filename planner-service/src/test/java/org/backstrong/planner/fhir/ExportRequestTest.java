package org.backstrong.planner.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.backstrong.planner.service.InvalidInputException;

/** The bulk export kick-off's parameters: what is accepted, and which parameter a refusal names. */
class ExportRequestTest {

    @Test
    void withoutTypeEveryTypeOfEverythingIsExported() {
        assertEquals(
                Set.copyOf(EverythingQuery.TYPES),
                ExportRequest.of("respond-async", null, null).types());
    }

    @Test
    void typeKeepsTheNamedTypesInItsOrder() {
        assertEquals(
                List.of("Observation", "Patient"),
                List.copyOf(ExportRequest.of("respond-async", " Observation,Patient", null)
                        .types()));
    }

    @Test
    void respondAsyncIsFoundAmongOtherPreferences() {
        assertEquals(
                9,
                ExportRequest.of("handling=lenient, Respond-Async", null, null)
                        .types()
                        .size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/fhir+ndjson", "application/fhir ndjson", "application/ndjson", "ndjson"})
    void ndjsonIsAccepted(String format) {
        assertEquals(9, ExportRequest.of("respond-async", null, format).types().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/fhir+json", "text/csv", ""})
    void anotherOutputFormatIsRefusedNamingIt(String format) {
        assertEquals("_outputFormat", refused("respond-async", null, format));
    }

    @Test
    void anUnknownTypeIsRefusedNamingIt() {
        assertEquals("_type", refused("respond-async", "Patient,Encounter", null));
        assertEquals("_type", refused("respond-async", "", null));
    }

    @Test
    void withoutRespondAsyncTheHeaderIsNamed() {
        assertEquals("Prefer", refused(null, null, null));
        assertEquals("Prefer", refused("return=minimal", null, null));
    }

    @Test
    void theQueryIsCheckedBeforeTheHeader() {
        assertEquals("_type", refused(null, "Encounter", null));
    }

    private static String refused(String prefer, String type, String format) {
        return assertThrows(InvalidInputException.class, () -> ExportRequest.of(prefer, type, format))
                .field();
    }
}
