package org.backstrong.planner.accounts;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/** Login names and one-time passwords for invitations: easy to read out and type, hard to guess. */
final class OneTimePasswords {

    /** No 0/O, 1/l/I: the clinician may read it out or write it down. */
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePasswords() {}

    /** Three groups of four, about 59 bits: "k7dm-x3qa-9rtp". */
    static String password() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                text.append('-');
            }
            text.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    /** The display name's first word in plain lower-case letters, then a random number: "nina-4821". */
    static String username(String displayName) {
        String first = displayName == null ? "" : displayName.strip().split("\\s+")[0];
        String plain = Normalizer.normalize(first, Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
        if (plain.length() < 2) {
            plain = "patient";
        }
        if (plain.length() > 20) {
            plain = plain.substring(0, 20);
        }
        return plain + "-" + (1000 + RANDOM.nextInt(9000));
    }
}
