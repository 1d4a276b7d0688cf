package org.backstrong.progress.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.backstrong.progress.config.ProgressConfig;

/**
 * How analysts see patients: a keyed hash (HMAC-SHA256) of the patient id, stable across queries,
 * that cannot be turned back into the id without the key.
 */
@ApplicationScoped
public class Pseudonyms {

    private static final String ALGORITHM = "HmacSHA256";
    /** 128 bits of the hash: no collisions in any realistic number of patients, and short enough to read. */
    private static final int BYTES = 16;

    private final SecretKeySpec key;

    public Pseudonyms(ProgressConfig config) {
        if (config.pseudonymKey().isBlank()) {
            throw new IllegalStateException("backstrong.pseudonym-key (BACKSTRONG_PSEUDONYM_KEY) must not be blank");
        }
        this.key = new SecretKeySpec(config.pseudonymKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String of(String patientId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] hash = mac.doFinal(patientId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
