package org.backstrong.planner.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Sends the caller's own bearer token on to the catalog, so the catalog applies the caller's
 * rights (a clinic's own exercises exist only for it). The mirror lacks the token-propagation
 * extension for Quarkus 3.33.2; this filter does the same for our one REST client.
 */
@ApplicationScoped
public class PropagateCallerToken implements ClientRequestFilter {

    private final Instance<JsonWebToken> token;

    public PropagateCallerToken(Instance<JsonWebToken> token) {
        this.token = token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        String raw = token.get().getRawToken();
        if (raw != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + raw);
        }
    }
}
