package org.backstrong.input;

import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What was wrong with a JSON body, at the field a client knows ("items[0].prescription.sets"):
 * a wrong type, an unknown field, text or a date refused by the input rules, a number too big
 * for its field, a key given twice. Only JSON that is not JSON at all is blamed on the body.
 */
public final class JsonInputProblem {

    private JsonInputProblem() {}

    public static Problem of(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            String field = pathOf(mapping);
            String detail;
            if (e instanceof UnrecognizedPropertyException) {
                detail = "is not a known field";
            } else if (e instanceof StrictJson.RefusedInput refused) {
                detail = refused.getOriginalMessage();
            } else if (e instanceof MismatchedInputException) {
                detail = "has the wrong type";
            } else {
                detail = "is not valid";
            }
            return invalid(field, detail);
        }
        if (e instanceof InputCoercionException) {
            return invalid(pathOf(e), "is out of range for a whole number");
        }
        if (e instanceof StreamConstraintsException) {
            return invalid(pathOf(e), "is too long");
        }
        if (e instanceof StreamReadException
                && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate field")) {
            return invalid(pathOf(e), "is given more than once");
        }
        return Problem.of("malformed-json", "Malformed JSON", 400, "The body is not valid JSON", "body");
    }

    private static Problem invalid(String field, String detail) {
        return Problem.of("invalid-input", "Invalid input", 400, field + ": " + detail, field);
    }

    /** The path Jackson kept while mapping. */
    private static String pathOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** Where the parser stood when it gave up: the value it was reading. */
    private static String pathOf(JsonProcessingException e) {
        JsonParser parser = e instanceof StreamReadException read ? read.getProcessor() : null;
        if (parser == null) {
            return "body";
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext();
                context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                parts.push("." + context.getCurrentName());
            } else if (context.inArray()) {
                parts.push("[" + Math.max(context.getCurrentIndex(), 0) + "]");
            }
        }
        String field = String.join("", parts);
        field = field.startsWith(".") ? field.substring(1) : field;
        return field.isEmpty() ? "body" : field;
    }
}
