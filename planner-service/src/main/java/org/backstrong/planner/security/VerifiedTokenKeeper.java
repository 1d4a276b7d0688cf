package org.backstrong.planner.security;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * After quarkus-oidc verified a bearer token of the default tenant, keeps its identity in
 * {@link VerifiedTokens} until the token expires. Runs after every other augmentor, so what is kept
 * is the identity as the application sees it.
 */
@ApplicationScoped
public class VerifiedTokenKeeper implements SecurityIdentityAugmentor {

    private final VerifiedTokens tokens;

    public VerifiedTokenKeeper(VerifiedTokens tokens) {
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
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (!identity.isAnonymous() && token != null && identity.getAttribute(CachedBearerIdentityProvider.FROM_CACHE) == null
                && OidcUtils.DEFAULT_TENANT_ID.equals(identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE))
                && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            tokens.keep(token.getToken(), identity, Instant.ofEpochSecond(jwt.getExpirationTime()), Instant.now());
        }
        return Uni.createFrom().item(identity);
    }
}
