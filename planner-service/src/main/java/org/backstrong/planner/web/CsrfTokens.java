package org.backstrong.planner.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

import org.backstrong.planner.config.PlannerConfig;

/**
 * The pages' anti-forgery tokens: a keyed hash of the signed-in user and their sign-in session,
 * so another site cannot know it and it needs no server-side state. Every form carries it in the
 * {@value #FIELD} field, every script request in the {@value #HEADER} header.
 */
@ApplicationScoped
@Startup
public class CsrfTokens {

    public static final String FIELD = "csrf";
    public static final String HEADER = "X-CSRF-Token";

    private final SecretKeySpec key;

    public CsrfTokens(PlannerConfig config) {
        byte[] secret = config.web()
                .csrfKey()
                .map(text -> text.getBytes(StandardCharsets.UTF_8))
                .orElseGet(CsrfTokens::keyForDevAndTests);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String tokenFor(String subject, String signInSession) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((subject + "\n" + signInSession).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    public boolean matches(String presented, String subject, String signInSession) {
        if (presented == null || presented.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8),
                tokenFor(subject, signInSession).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A key made at start holds only while this one process runs: after a restart every page's token
     * is refused, and a patient's phone would hold its queued sets until they sign in again. So a
     * running system must be given its key (deploy/local generates it into .state/secrets).
     */
    private static byte[] keyForDevAndTests() {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("BACKSTRONG_WEB_CSRF_KEY is required: the key of the pages' anti-forgery"
                    + " tokens must outlive a restart and be the same on every instance");
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
