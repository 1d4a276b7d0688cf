package org.backstrong.progress.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.TimeZone;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quick readers of instants and dates give what java.time and jackson-datatype-jsr310 give, for
 * every shape: the same value (offset included), the same refusal.
 */
class EventTimesTest {

    private static final ObjectMapper STANDARD = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final ObjectMapper QUICK =
            new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new EventTimesModule());

    @Test
    void takesOverFromJavaTimeModuleRegisteredBeforeIt() throws Exception {
        for (Class<?> type : new Class<?>[] {OffsetDateTime.class, LocalDate.class}) {
            DeserializationContext context = ((DefaultDeserializationContext) QUICK.getDeserializationContext())
                    .createInstance(QUICK.getDeserializationConfig(), null, null);
            JsonDeserializer<?> reader = context.findRootValueDeserializer(QUICK.constructType(type));
            assertEquals(EventTimesModule.class, reader.getClass().getEnclosingClass(), type.getSimpleName());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-03-10T06:45:30.5Z",
                "2026-03-10T06:45:30Z",
                "2026-03-10T06:45:30.123456789Z",
                "2026-03-10T06:45:30.1234567891Z",
                "2026-03-10T06:45:30.Z",
                "2026-03-10T08:45:30+02:00",
                "2026-03-10T01:15:30.25-05:30",
                "2026-03-10T06:45:30-00:00",
                "2026-03-10T06:45:30+18:00",
                "2026-03-10T06:45:30+18:01",
                "2026-03-10T06:45:30+19:00",
                "2026-03-10T06:45:30+02:60",
                "2026-03-10T06:45:30+0200",
                "2026-03-10T06:45:30+02",
                "2026-03-10T06:45:30+02:00:15",
                "2026-03-10t06:45:30z",
                "2026-03-10T06:45Z",
                "2026-03-10T06:45+02:00",
                "2026-03-10T06:45.5Z",
                "2026-03-10T06:45:Z",
                "2026-03-10T06:4Z",
                "2026-03-10T06:45",
                "2026-03-10T24:00Z",
                "2026-03-10 06:45:30Z",
                "2026-02-29T06:45:30Z",
                "2028-02-29T06:45:30Z",
                "2026-13-10T06:45:30Z",
                "2026-03-32T06:45:30Z",
                "2026-03-10T24:00:00Z",
                "2026-03-10T23:59:60Z",
                "2026-03-10T23:60:00Z",
                "0000-01-01T00:00:00Z",
                "+12026-03-10T06:45:30Z",
                "2026-03-10T06:45:30",
                "2026-03-10T06:45:30ZZ",
                "2026-03-1OT06:45:30Z",
                "٢٠٢٦-03-10T06:45:30Z",
                " 2026-03-10T06:45:30Z",
                "2026-03-10T06:45:30Z ",
                ""
            })
    void readsAnInstantAsJavaTimeDoes(String text) {
        assertEquals(outcome(() -> OffsetDateTime.parse(text)), outcome(() -> EventTimes.offsetDateTime(text)), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"2026-03-10T06:45:30.5Z\"",
                "\"2026-03-10T08:45:30+02:00\"",
                "\"2026-03-10T01:15:30.25-05:30\"",
                "\"2026-03-10T06:45:30+00:00\"",
                "\"2026-03-10T06:45Z\"",
                "\" 2026-03-10T06:45:30Z \"",
                "\"2026-03-10T06:45:30+0200\"",
                "\"2026-02-29T06:45:30Z\"",
                "\"1773125130\"",
                "\"1773125130.5\"",
                "1773125130",
                "1773125130.5",
                "\"\"",
                "null",
                "true",
                "[2026,3,10,6,45,30]"
            })
    void readsAnInstantInJsonAsJacksonDoes(String json) {
        for (boolean adjust : new boolean[] {true, false}) {
            for (String zone : new String[] {"UTC", "Europe/Berlin"}) {
                ObjectMapper standard = STANDARD.copy()
                        .configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, adjust)
                        .setTimeZone(TimeZone.getTimeZone(zone));
                ObjectMapper quick = QUICK.copy()
                        .configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, adjust)
                        .setTimeZone(TimeZone.getTimeZone(zone));
                assertEquals(
                        outcome(() -> standard.readValue(json, OffsetDateTime.class)),
                        outcome(() -> quick.readValue(json, OffsetDateTime.class)),
                        json + " adjust=" + adjust + " zone=" + zone);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"2026-03-10\"",
                "\"2028-02-29\"",
                "\"2026-02-29\"",
                "\"2026-13-01\"",
                "\"2026-00-01\"",
                "\"2026-3-10\"",
                "\"2026/03/10\"",
                "\" 2026-03-10\"",
                "\"2026-03-10T06:45:30\"",
                "\"2026-03-10T06:45:30Z\"",
                "\"+12026-03-10\"",
                "\"\"",
                "null",
                "[2026,3,10]",
                "20260310"
            })
    void readsADateInJsonAsJacksonDoes(String json) {
        assertEquals(
                outcome(() -> STANDARD.readValue(json, LocalDate.class)),
                outcome(() -> QUICK.readValue(json, LocalDate.class)),
                json);
    }

    /** The value with its exact offset, or the kind of refusal. */
    private static String outcome(Callable<Object> read) {
        try {
            Object value = read.call();
            return value instanceof OffsetDateTime time
                    ? "value " + time + " offset " + time.getOffset()
                    : "value " + value;
        } catch (Exception e) {
            return "refused " + e.getClass().getSimpleName();
        }
    }
}
