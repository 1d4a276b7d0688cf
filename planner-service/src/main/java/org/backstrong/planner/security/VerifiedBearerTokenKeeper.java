package org.backstrong.planner.security;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;

import org.backstrong.planner.security.VerifiedBearerTokens.Verified;

/**
 * After quarkus-oidc verified a bearer token of the API's (default) tenant, keeps what a request needs
 * of it in {@link VerifiedBearerTokens}. Runs after every other augmentor, so the roles kept are the
 * roles the application sees.
 */
@ApplicationScoped
public class VerifiedBearerTokenKeeper implements SecurityIdentityAugmentor {

    /** The numeric claims kept (times); every other claim is kept only when its value is a string. */
    private static final Set<String> TIMES =
            Set.of(Claims.exp.name(), Claims.iat.name(), Claims.nbf.name(), Claims.auth_time.name());

    private final VerifiedBearerTokens tokens;

    public VerifiedBearerTokenKeeper(VerifiedBearerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context, Map<String, Object> attributes) {
        if (!identity.isAnonymous()
                && identity.getAttribute(CachedBearerIdentityProvider.FROM_CACHE) == null
                && OidcUtils.DEFAULT_TENANT_ID.equals(identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE))
                && identity.getPrincipal() instanceof OidcJwtCallerPrincipal principal
                && principal.getCredential() instanceof AccessTokenCredential credential
                && !credential.isOpaque()
                && principal.getExpirationTime() > 0) {
            tokens.keep(
                    credential.getToken(),
                    new Verified(
                            kept(principal.getClaims()),
                            Set.copyOf(identity.getRoles()),
                            scopes(principal),
                            principal.getExpirationTime()),
                    System.currentTimeMillis());
        }
        return Uni.createFrom().item(identity);
    }

    /** The token's scopes, which quarkus-oidc turns into the identity's permissions. */
    private static Set<String> scopes(OidcJwtCallerPrincipal principal) {
        Object scope = principal.getClaims().getClaimValue("scope");
        if (!(scope instanceof String scopes) || scopes.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.asList(scopes.strip().split("\\s+")));
    }

    private static Map<String, Object> kept(JwtClaims claims) {
        Map<String, Object> kept = new HashMap<>();
        for (Map.Entry<String, Object> claim : claims.getClaimsMap().entrySet()) {
            Object value = claim.getValue();
            if (claim.getKey().equals(Claims.raw_token.name())) {
                continue;
            }
            if (value instanceof String || (TIMES.contains(claim.getKey()) && value instanceof Number)) {
                kept.put(claim.getKey(), value);
            }
        }
        return Map.copyOf(kept);
    }
}
