package org.backstrong.planner.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bearer tokens already verified (prefix {@code backstrong.bearer-token-cache}). */
@ConfigMapping(prefix = "backstrong.bearer-token-cache")
public interface BearerTokenCacheConfig {

    /** Whether a bearer token quarkus-oidc verified answers its next requests without a second signature check. */
    @WithDefault("true")
    boolean enabled();

    /** Longest a token is trusted from the cache (never past its expiry), so a retired signing key stops working soon. */
    @WithDefault("5m")
    Duration maxAge();

    /** Most tokens kept (a kilobyte or two each, as many claims as Keycloak puts in); beyond it new tokens are verified every time until old ones age out. */
    @WithDefault("20000")
    int maxEntries();
}
