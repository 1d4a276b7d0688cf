package org.backstrong.planner.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.validation.ConstraintViolation;

import org.backstrong.planner.problems.FieldNames;
import org.backstrong.planner.service.InvalidInputException;

/**
 * What was wrong with a submitted form, by the name of the field, so each message is shown next
 * to its input and the summary at the top links to it. The same field names as the API's problems.
 */
public final class FieldErrors {

    /** One message, for the summary at the top of the form. */
    public record Message(String field, String text) {}

    private final Map<String, String> messages = new LinkedHashMap<>();

    public static FieldErrors none() {
        return new FieldErrors();
    }

    /** Keeps the first message of a field. */
    public FieldErrors add(String field, String text) {
        messages.putIfAbsent(field, text);
        return this;
    }

    /** The bean-validation messages, their fields renamed from the API's to the form's. */
    public FieldErrors addAll(Set<? extends ConstraintViolation<?>> violations, UnaryOperator<String> rename) {
        violations.stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> FieldNames.of(v.getPropertyPath())))
                .forEach(v -> add(rename.apply(FieldNames.of(v.getPropertyPath())), v.getMessage()));
        return this;
    }

    /** A refusal of the service layer, its field renamed from the API's to the form's. */
    public FieldErrors add(InvalidInputException e, UnaryOperator<String> rename) {
        return add(rename.apply(e.field()), e.getMessage());
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public boolean any() {
        return !messages.isEmpty();
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    /** The message of a field, or null. */
    public String get(String field) {
        return messages.get(field);
    }

    public List<Message> all() {
        List<Message> all = new ArrayList<>();
        messages.forEach((field, text) -> all.add(new Message(field, text)));
        return all;
    }

    /** The id of the element showing the field's message. */
    public String id(String field) {
        return idOf(field);
    }

    /** The id of the element showing the field's message (for aria-describedby and the summary's links). */
    public static String idOf(String field) {
        return "error-" + field.replaceAll("[^A-Za-z0-9]+", "-");
    }
}
