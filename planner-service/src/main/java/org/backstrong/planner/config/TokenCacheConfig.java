package org.backstrong.planner.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bearer tokens already verified (prefix {@code backstrong.token-cache}). */
@ConfigMapping(prefix = "backstrong.token-cache")
public interface TokenCacheConfig {

    /** Whether a verified bearer token's identity is kept for its next requests. */
    @WithDefault("true")
    boolean enabled();

    /** Longest a token stays verified without a new signature check (never past its expiry). */
    @WithDefault("5m")
    Duration maxAge();

    /** Most tokens kept; beyond it new tokens are simply verified each time until old ones expire. */
    @WithDefault("20000")
    int maxEntries();
}
