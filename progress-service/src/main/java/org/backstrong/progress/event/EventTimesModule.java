package org.backstrong.progress.event;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

/**
 * Reads the events' instants and dates with {@link EventTimes} when they are written the usual way,
 * and with jackson-datatype-jsr310's own deserializers otherwise, so that every text and number is
 * accepted, refused and adjusted to the context's time zone exactly as before, only faster.
 */
public final class EventTimesModule extends SimpleModule {

    public EventTimesModule() {
        super("backstrong-event-times");
        addDeserializer(OffsetDateTime.class, new QuickOffsetDateTime());
        addDeserializer(LocalDate.class, new QuickLocalDate());
    }

    private static final class QuickOffsetDateTime extends StdScalarDeserializer<OffsetDateTime> {

        private static final JsonDeserializer<OffsetDateTime> STANDARD = InstantDeserializer.OFFSET_DATE_TIME;

        QuickOffsetDateTime() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                OffsetDateTime quick = EventTimes.quickOffsetDateTime(parser.getText());
                if (quick != null) {
                    return adjusted(quick, context);
                }
            }
            return STANDARD.deserialize(parser, context);
        }

        /** As InstantDeserializer does: to the context's time zone when ADJUST_DATES_TO_CONTEXT_TIME_ZONE is on. */
        private static OffsetDateTime adjusted(OffsetDateTime value, DeserializationContext context) {
            if (!context.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)) {
                return value;
            }
            ZoneId zone = context.getTimeZone().toZoneId().normalized();
            return value.withOffsetSameInstant(zone.getRules().getOffset(value.toLocalDateTime()));
        }
    }

    private static final class QuickLocalDate extends StdScalarDeserializer<LocalDate> {

        private static final JsonDeserializer<LocalDate> STANDARD = LocalDateDeserializer.INSTANCE;

        QuickLocalDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                LocalDate quick = EventTimes.quickLocalDate(parser.getText());
                if (quick != null) {
                    return quick;
                }
            }
            return STANDARD.deserialize(parser, context);
        }
    }
}
