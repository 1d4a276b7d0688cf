package org.backstrong.planner.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The printable plan's style sheet, one file (/assets/print.css) for the linked and the inline copy. */
final class PrintStyle {

    static final String CSS = load("META-INF/resources/assets/print.css");

    private PrintStyle() {}

    private static String load(String resource) {
        try (InputStream in = PrintStyle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
