package org.backstrong.progress.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.backstrong.progress.event.Envelope;
import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.event.OutcomeRecorded;
import org.backstrong.progress.messaging.Topics;

/**
 * An OutcomeRecorded the rules could not judge is refused when it is read (and parked): a measure or
 * occasion the contract does not name, a scale or direction that is not the measure's, a score off its scale.
 */
class OutcomeRecordedReaderTest {

    private static final String PATIENT = "2b9c4d6e-8f0a-4b2c-9d4e-6f8a0b2c4d66";

    private final IncomingEventReader reader = new IncomingEventReader(new ObjectMapper().findAndRegisterModules());

    @ParameterizedTest(name = "{0} {1} of {2}, higherIsBetter {3}: {4}")
    @CsvSource({
        "RMDQ, 14, 24, false, ",
        "PSFS, 6.3, 10, true, ",
        "NPRS, 0, 10, false, ",
        "ODI, 100, 100, false, ",
        "NPRS, 11, 10, false, score must be from 0 to 10 for NPRS",
        "RMDQ, 30, 24, false, score must be from 0 to 24 for RMDQ",
        "RMDQ, 14, 10, false, 'scaleMax of RMDQ is 24, not 10'",
        "PSFS, 5, 10, false, higherIsBetter of PSFS is true",
        "NPRS, 5, 10, true, higherIsBetter of NPRS is false",
        "SF36, 5, 10, false, measure SF36 is not one of the contract's",
    })
    void refusesAScoreItsMeasureCannotHave(
            String measure, String score, int scaleMax, boolean higherIsBetter, String refusal) {
        Envelope event = envelope(data(measure, "FOLLOW_UP", score, scaleMax, higherIsBetter));
        if (refusal == null) {
            OutcomeRecorded read = (OutcomeRecorded) reader.read(event).data();
            assertEquals(0, new BigDecimal(score).compareTo(read.score()));
            assertEquals(measure, read.measure());
        } else {
            InvalidEventException refused = assertThrows(InvalidEventException.class, () -> reader.read(event));
            assertEquals(refusal, refused.getMessage());
        }
    }

    @Test
    void refusesAnOccasionTheContractDoesNotName() {
        InvalidEventException refused = assertThrows(
                InvalidEventException.class, () -> reader.read(envelope(data("NPRS", "WEEKLY", "4", 10, false))));
        assertEquals("occasion WEEKLY is not one of the contract's", refused.getMessage());
    }

    @Test
    void refusesAMissingScoreAndAnotherPatientsOutcome() {
        String missing = data("NPRS", "BASELINE", "4", 10, false).replace("\"score\":4,", "");
        assertTrue(assertThrows(InvalidEventException.class, () -> reader.read(envelope(missing)))
                .getMessage()
                .contains("score"));
        String other = data("NPRS", "BASELINE", "4", 10, false).replace(PATIENT, "someone-else");
        assertThrows(InvalidEventException.class, () -> reader.read(envelope(other)));
    }

    private static Envelope envelope(String data) {
        return new Envelope(
                UUID.randomUUID().toString(),
                EventTypes.OUTCOME_RECORDED,
                PATIENT,
                OffsetDateTime.parse("2026-03-16T18:05:00Z"),
                Topics.SET_EVENTS,
                data,
                null);
    }

    private static String data(String measure, String occasion, String score, int scaleMax, boolean higherIsBetter) {
        return "{\"outcomeId\":\"" + UUID.randomUUID() + "\",\"patientId\":\"" + PATIENT
                + "\",\"clinicId\":\"clinic-a\","
                + "\"planId\":\"7d1e3f5a-6b8c-4d0e-9f2a-4b6c8d0e2f55\",\"measure\":\"" + measure + "\",\"occasion\":\""
                + occasion + "\",\"dueOn\":\"2026-03-16\",\"completedOn\":\"2026-03-16\",\"score\":" + score + ","
                + "\"scaleMax\":" + scaleMax + ",\"higherIsBetter\":" + higherIsBetter + ",\"itemsAnswered\":3,"
                + "\"itemsTotal\":3,\"questionnaire\":\"https://backstrong.org/fhir/Questionnaire/x|1.0.0\","
                + "\"loggedAt\":\"2026-03-16T18:05:00Z\"}";
    }
}
