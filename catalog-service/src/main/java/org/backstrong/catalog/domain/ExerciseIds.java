package org.backstrong.catalog.domain;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Ids of new exercises, made by the server: the name as hyphenated words, then a random suffix.
 * Ids share one namespace across clinics and drafts, so a client that chose its own could learn,
 * by a collision, that another clinic's exercise or an unpublished draft exists.
 */
public final class ExerciseIds {

    /** Room for the suffix within the 80 characters an id may have. */
    static final int MAX_STEM = 60;

    static final int SUFFIX_LENGTH = 8;
    private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final RandomGenerator random;

    public ExerciseIds() {
        this(new SecureRandom());
    }

    ExerciseIds(RandomGenerator random) {
        this.random = random;
    }

    /** A fresh id for an exercise of this name, e.g. "wall-slide-k3f9a2c1". */
    public String next(String name) {
        StringBuilder id = new StringBuilder(stem(name)).append('-');
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            id.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return id.toString();
    }

    /** The name in lower-case ASCII words joined by hyphens; "exercise" when nothing of it is left. */
    static String stem(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String words = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (words.length() > MAX_STEM) {
            words = words.substring(0, MAX_STEM).replaceAll("-+$", "");
        }
        return words.isEmpty() ? "exercise" : words;
    }
}
