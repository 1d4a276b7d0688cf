package org.backstrong.progress.service;

import java.io.IOException;

import org.backstrong.progress.domain.progression.Evidence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;

/**
 * A decision's evidence as the decision table has always recorded it: one flat JSON object, the
 * session's numbers first, then the deciding rule's own, keyed by the evidence records' components.
 */
final class EvidenceJson extends StdSerializer<Evidence> {

    private EvidenceJson() {
        super(Evidence.class);
    }

    /** The service's mapper, writing evidence flat; everything else as the service's mapper writes it. */
    static ObjectMapper on(ObjectMapper json) {
        return json.copy().registerModule(new SimpleModule("evidence").addSerializer(new EvidenceJson()));
    }

    @Override
    public void serialize(Evidence evidence, JsonGenerator out, SerializerProvider provider) throws IOException {
        out.writeStartObject(evidence);
        inline(evidence.session(), out, provider);
        if (evidence.ofTheRule() != null) {
            inline(evidence.ofTheRule(), out, provider);
        }
        out.writeEndObject();
    }

    /** The record's fields without an object of their own, as @JsonUnwrapped would write them. */
    private static void inline(Object numbers, JsonGenerator out, SerializerProvider provider) throws IOException {
        provider.findValueSerializer(numbers.getClass()).unwrappingSerializer(NameTransformer.NOP)
                .serialize(numbers, out, provider);
    }
}
