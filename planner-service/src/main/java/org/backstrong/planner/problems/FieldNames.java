package org.backstrong.planner.problems;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * The name of an offending input as a client knows it, from a bean-validation path: the API's
 * problem details and the pages' form errors name fields alike.
 */
public final class FieldNames {

    private FieldNames() {}

    /**
     * The field as a client knows it: "create.body.dose.setsMax" becomes "dose.setsMax",
     * "create.body.steps[2].<list element>" becomes "steps[2]", "search.q" becomes "q".
     */
    public static String of(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            boolean named = node.getKind() == ElementKind.PROPERTY
                    // A query, path or header parameter is itself the field; a body or bean parameter holds fields.
                    || (node.getKind() == ElementKind.PARAMETER && i == nodes.size() - 1);
            if (named && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
