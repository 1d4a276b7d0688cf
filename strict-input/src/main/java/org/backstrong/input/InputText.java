package org.backstrong.input;

/**
 * The one rule for text a client sends (JSON strings, query and path parameters, form fields):
 * no NUL or other control character, no half of a surrogate pair. PostgreSQL cannot store a NUL,
 * and nobody types the others. Tab, line feed and carriage return are kept in free text (a note
 * written in a text area); a single-line field ({@link SingleLine}) refuses them too.
 */
public final class InputText {

    public static final String REFUSED = "must not contain control characters";
    public static final String REFUSED_SINGLE_LINE = "must be one line without control characters";

    private InputText() {}

    /** Why the text cannot be taken, or null when it can. */
    public static String refusal(String text, boolean singleLine) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (singleLine || (c != '\t' && c != '\n' && c != '\r')) {
                    return singleLine ? REFUSED_SINGLE_LINE : REFUSED;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return REFUSED;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return REFUSED;
            }
        }
        return null;
    }
}
