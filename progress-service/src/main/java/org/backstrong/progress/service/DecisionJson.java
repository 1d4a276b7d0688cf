package org.backstrong.progress.service;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;

import org.backstrong.progress.domain.progression.Evidence;
import org.backstrong.progress.domain.progression.Prescription;

/**
 * A decision's JSON as the decision table has always recorded it. The evidence is one flat object,
 * the session's numbers first, then the deciding rule's own, keyed by the evidence records'
 * components; a prescription (also inside the evidence) is written in its recorded shape.
 */
final class DecisionJson extends StdSerializer<Evidence> {

    private DecisionJson() {
        super(Evidence.class);
    }

    /** The service's mapper, writing evidence and prescriptions as above, everything else as it would. */
    static ObjectMapper on(ObjectMapper json) {
        return json.copy()
                .registerModule(new SimpleModule("decisions")
                        .addSerializer(new DecisionJson())
                        .addSerializer(new PrescriptionAsRecorded()));
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
        provider.findValueSerializer(numbers.getClass())
                .unwrappingSerializer(NameTransformer.NOP)
                .serialize(numbers, out, provider);
    }

    /** The engine's prescription in the shape the decision table records. */
    private static final class PrescriptionAsRecorded extends StdSerializer<Prescription> {

        private PrescriptionAsRecorded() {
            super(Prescription.class);
        }

        @Override
        public void serialize(Prescription p, JsonGenerator out, SerializerProvider provider) throws IOException {
            provider.defaultSerializeValue(EventPrescriptions.recorded(p), out);
        }
    }
}
