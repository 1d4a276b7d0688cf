package org.backstrong.planner.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.backstrong.planner.config.TokenCacheConfig;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Identities of bearer tokens quarkus-oidc has verified, by the token's SHA-256 (issue 4, "Speed"). A
 * phone logs a whole session's sets with one access token; checking its RS256 signature and parsing
 * its claims for every set was a fifth of the service's CPU. An entry lives until the token expires,
 * and at most {@code max-age}; only the exact token string hits, so a token altered in any byte is
 * verified afresh (and refused).
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Entry(SecurityIdentity identity, Instant until) {
    }

    private final TokenCacheConfig config;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();

    public VerifiedTokens(TokenCacheConfig config) {
        this.config = config;
    }

    /** The identity of this verified token, if it is kept and still valid. */
    public SecurityIdentity find(String token, Instant now) {
        if (!config.enabled()) {
            return null;
        }
        String key = key(token);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.until())) {
            entries.remove(key, entry);
            return null;
        }
        hits.incrementAndGet();
        return entry.identity();
    }

    /** Keeps a freshly verified token's identity until {@code expires} (or max-age, if sooner). */
    public void keep(String token, SecurityIdentity identity, Instant expires, Instant now) {
        if (!config.enabled() || !now.isBefore(expires)) {
            return;
        }
        if (entries.size() >= config.maxEntries()) {
            entries.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (entries.size() >= config.maxEntries()) {
                return;
            }
        }
        Instant until = now.plus(config.maxAge());
        entries.put(key(token), new Entry(identity, expires.isBefore(until) ? expires : until));
    }

    /** Requests answered from the cache since start (for tests and the benchmark's curiosity). */
    public long hits() {
        return hits.get();
    }

    public int size() {
        return entries.size();
    }

    private static String key(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
