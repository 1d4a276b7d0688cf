package org.backstrong.planner.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.backstrong.planner.config.BearerTokenCacheConfig;
import org.backstrong.planner.security.VerifiedBearerTokens.Verified;

/** How long a verified token is trusted, and what happens when the cache is full. */
class VerifiedBearerTokensTest {

    private static final long NOW = 1_800_000_000_000L;

    @Test
    void trustsATokenUntilItExpiresWhenThatIsSoonerThanMaxAge() {
        VerifiedBearerTokens tokens =
                new VerifiedBearerTokens(config(true, Duration.ofMinutes(5), 10), new SimpleMeterRegistry());
        tokens.keep("a.b.c", verified(NOW / 1000 + 60), NOW);

        assertNotNull(tokens.find("a.b.c", NOW + 59_999));
        assertNull(tokens.find("a.b.c", NOW + 60_000));
    }

    @Test
    void trustsATokenForMaxAgeAtMost() {
        VerifiedBearerTokens tokens =
                new VerifiedBearerTokens(config(true, Duration.ofMinutes(5), 10), new SimpleMeterRegistry());
        tokens.keep("a.b.c", verified(NOW / 1000 + 3_600), NOW);

        assertNotNull(tokens.find("a.b.c", NOW + 299_999));
        assertNull(tokens.find("a.b.c", NOW + 300_000));
        assertNull(tokens.find("a.b.c", NOW + 1), "an entry past its age is dropped, not trusted again");
    }

    @Test
    void hitsOnlyTheExactToken() {
        VerifiedBearerTokens tokens =
                new VerifiedBearerTokens(config(true, Duration.ofMinutes(5), 10), new SimpleMeterRegistry());
        tokens.keep("a.b.c", verified(NOW / 1000 + 60), NOW);

        assertNull(tokens.find("a.b.d", NOW));
        assertNull(tokens.find("a.b.c ", NOW));
        assertEquals(0, tokens.hits());
    }

    @Test
    void keepsNoTokenAlreadyExpired() {
        VerifiedBearerTokens tokens =
                new VerifiedBearerTokens(config(true, Duration.ofMinutes(5), 10), new SimpleMeterRegistry());
        tokens.keep("a.b.c", verified(NOW / 1000), NOW);

        assertEquals(0, tokens.size());
    }

    @Test
    void whenFullKeepsNewTokensOnlyOnceOldOnesHaveExpired() {
        VerifiedBearerTokens tokens =
                new VerifiedBearerTokens(config(true, Duration.ofMinutes(5), 2), new SimpleMeterRegistry());
        tokens.keep("one", verified(NOW / 1000 + 10), NOW);
        tokens.keep("two", verified(NOW / 1000 + 10), NOW);
        tokens.keep("three", verified(NOW / 1000 + 600), NOW + 1_000);

        assertNull(tokens.find("three", NOW + 1_000), "full: a new token is verified every time");
        assertNotNull(tokens.find("one", NOW + 1_000));

        tokens.keep("three", verified(NOW / 1000 + 600), NOW + 11_000);

        assertNotNull(tokens.find("three", NOW + 11_000));
        assertEquals(1, tokens.size());
    }

    @Test
    void keepsNothingWhenTurnedOff() {
        VerifiedBearerTokens tokens =
                new VerifiedBearerTokens(config(false, Duration.ofMinutes(5), 10), new SimpleMeterRegistry());
        tokens.keep("a.b.c", verified(NOW / 1000 + 60), NOW);

        assertNull(tokens.find("a.b.c", NOW));
        assertEquals(0, tokens.size());
    }

    private static Verified verified(long expiresAt) {
        return new Verified(Map.of("sub", "s-1", "exp", expiresAt), Set.of("patient"), Set.of(), expiresAt);
    }

    private static BearerTokenCacheConfig config(boolean enabled, Duration maxAge, int maxEntries) {
        return new BearerTokenCacheConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Duration maxAge() {
                return maxAge;
            }

            @Override
            public int maxEntries() {
                return maxEntries;
            }
        };
    }
}
