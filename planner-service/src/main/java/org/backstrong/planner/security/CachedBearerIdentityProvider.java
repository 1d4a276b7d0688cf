package org.backstrong.planner.security;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a bearer request of the default (service) tenant from {@link VerifiedTokens} when its exact
 * token was verified before; otherwise it steps aside (a null identity) and quarkus-oidc verifies the
 * token as always. Cookie sign-ins of the pages' {@code web} tenant never come here.
 */
@ApplicationScoped
@Unremovable
public class CachedBearerIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Marks an identity answered from the cache, so it is not kept again. */
    static final String FROM_CACHE = "backstrong.verified-token-cache";

    private final VerifiedTokens tokens;

    public CachedBearerIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before quarkus-oidc's provider. */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!(request.getToken() instanceof AccessTokenCredential token) || !isBearerTenant(http)) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity verified = tokens.find(token.getToken(), Instant.now());
        if (verified == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(verified)
                .addAttribute(RoutingContext.class.getName(), http)
                .addAttribute(FROM_CACHE, Boolean.TRUE)
                .build());
    }

    static boolean isBearerTenant(RoutingContext http) {
        return http != null && OidcUtils.DEFAULT_TENANT_ID.equals(http.get(OidcUtils.TENANT_ID_ATTRIBUTE));
    }
}
