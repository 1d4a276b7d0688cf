package org.backstrong.planner.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.backstrong.planner.config.BearerTokenCacheConfig;

/**
 * Bearer tokens quarkus-oidc has verified, by the SHA-256 of the token, each with only what a request
 * needs of it again: its string claims, its times, its roles and scopes. A phone logs a whole
 * session's sets with one access token, and checking the RS256 signature and parsing the claims again
 * for every set was a third of the service's CPU. Only the exact token string hits, so a token changed
 * in any byte is verified afresh (and refused); an entry is trusted until the token expires and at most
 * {@code max-age}. What is kept is small on purpose: whole identities (with their request objects) kept
 * for thousands of tokens cost more in garbage collection than the signature checks they saved.
 */
@ApplicationScoped
public class VerifiedBearerTokens {

    /**
     * What a verified token still says.
     *
     * @param claims the token's claims whose values are strings, and its numeric times (exp, iat, nbf, auth_time)
     * @param expiresAt the token's exp, epoch seconds
     */
    public record Verified(Map<String, Object> claims, Set<String> roles, Set<String> scopes, long expiresAt) {}

    private record Entry(Verified token, long trustedUntilMillis) {}

    public static final String METRIC = "backstrong.bearer.token.cache";

    private static final long SWEEP_EVERY_MILLIS = 1_000;

    private final BearerTokenCacheConfig config;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong kept = new AtomicLong();
    private final AtomicLong lastSweepMillis = new AtomicLong();

    /** In /q/metrics: requests answered from the cache, tokens verified and kept, and entries now. */
    public VerifiedBearerTokens(BearerTokenCacheConfig config, MeterRegistry metrics) {
        this.config = config;
        FunctionCounter.builder(METRIC + ".hits", hits, AtomicLong::get)
                .description("Bearer requests answered from the cache of verified tokens")
                .register(metrics);
        FunctionCounter.builder(METRIC + ".kept", kept, AtomicLong::get)
                .description("Bearer tokens verified by quarkus-oidc and kept")
                .register(metrics);
        Gauge.builder(METRIC + ".entries", entries, Map::size)
                .description("Verified bearer tokens in the cache")
                .register(metrics);
    }

    /** What this token said when it was verified, if it is kept and neither it nor its entry has expired. */
    public Verified find(String token, long nowMillis) {
        if (!config.enabled()) {
            return null;
        }
        String key = key(token);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (nowMillis >= entry.trustedUntilMillis()) {
            entries.remove(key, entry);
            return null;
        }
        hits.incrementAndGet();
        return entry.token();
    }

    /** Keeps a token quarkus-oidc has just verified, until it expires or for max-age, whichever is sooner. */
    public void keep(String token, Verified verified, long nowMillis) {
        long expiresMillis = verified.expiresAt() * 1_000;
        if (!config.enabled() || nowMillis >= expiresMillis) {
            return;
        }
        if (entries.size() >= config.maxEntries() && !sweep(nowMillis)) {
            return;
        }
        long until = Math.min(expiresMillis, nowMillis + config.maxAge().toMillis());
        entries.put(key(token), new Entry(verified, until));
        kept.incrementAndGet();
    }

    /** Requests answered from the cache since start. */
    public long hits() {
        return hits.get();
    }

    public int size() {
        return entries.size();
    }

    /** Drops expired entries, at most once a second; true when there is room afterwards. */
    private boolean sweep(long nowMillis) {
        long last = lastSweepMillis.get();
        if (nowMillis - last >= SWEEP_EVERY_MILLIS && lastSweepMillis.compareAndSet(last, nowMillis)) {
            entries.values().removeIf(entry -> nowMillis >= entry.trustedUntilMillis());
        }
        return entries.size() < config.maxEntries();
    }

    private static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
