package org.backstrong.planner.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;

import org.backstrong.planner.security.VerifiedBearerTokens.Verified;

/**
 * Answers a bearer request of the API's (default) tenant from {@link VerifiedBearerTokens} when its
 * exact token was verified before, with the same subject, claims, roles and token the verification
 * gave; otherwise it steps aside (no identity) and quarkus-oidc verifies the token as always. The
 * pages' {@code web} tenant never comes here: its tenant is resolved before any provider runs.
 */
@ApplicationScoped
public class CachedBearerIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Marks an identity answered from the cache, so it is not kept again. */
    static final String FROM_CACHE = "backstrong.bearer-token-cache";

    private final VerifiedBearerTokens tokens;

    public CachedBearerIdentityProvider(VerifiedBearerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Before quarkus-oidc's provider, which keeps the interface's default priority (higher runs first; on a tie
     * the order is whatever discovery gave, and the cache was then never asked).
     */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!(request.getToken() instanceof AccessTokenCredential credential) || !isApiTenant(http)) {
            return Uni.createFrom().nullItem();
        }
        Verified verified = tokens.find(credential.getToken(), System.currentTimeMillis());
        if (verified == null) {
            return Uni.createFrom().nullItem();
        }
        // A principal of its own per request: smallrye-jwt's principal rewrites claim values as it is built.
        JwtClaims claims = new JwtClaims();
        verified.claims().forEach(claims::setClaim);
        claims.setClaim(Claims.raw_token.name(), credential.getToken());
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new OidcJwtCallerPrincipal(claims, credential))
                .addCredential(credential)
                .addRoles(verified.roles())
                .addAttribute(OidcUtils.TENANT_ID_ATTRIBUTE, OidcUtils.DEFAULT_TENANT_ID)
                .addAttribute(OidcUtils.QUARKUS_IDENTITY_EXPIRE_TIME, verified.expiresAt())
                .addAttribute(RoutingContext.class.getName(), http)
                .addAttribute(FROM_CACHE, Boolean.TRUE);
        if (!verified.scopes().isEmpty()) {
            identity.addPermissionsAsString(verified.scopes());
        }
        return Uni.createFrom().item(identity.build());
    }

    static boolean isApiTenant(RoutingContext http) {
        return http != null && OidcUtils.DEFAULT_TENANT_ID.equals(http.get(OidcUtils.TENANT_ID_ATTRIBUTE));
    }
}
