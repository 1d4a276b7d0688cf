package org.backstrong.planner.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.arc.Arc;
import io.quarkus.oidc.AccessTokenCredential;

/**
 * Sends the caller's own bearer token on to the catalog, so the catalog applies the caller's
 * rights (a clinic's own exercises exist only for it). The mirror lacks the token-propagation
 * extension for Quarkus 3.33.2; this filter does the same for our REST clients. The access
 * token is sent both for bearer callers and for the web pages' signed-in users (never the ID token).
 * A call that sets its own Authorization (a background job with the token its kick-off gave it)
 * keeps it; outside a request there is no caller, so nothing is added.
 */
@ApplicationScoped
public class PropagateCallerToken implements ClientRequestFilter {

    private final Instance<AccessTokenCredential> token;

    public PropagateCallerToken(Instance<AccessTokenCredential> token) {
        this.token = token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)
                || !Arc.container().requestContext().isActive()) {
            return;
        }
        String raw = token.isResolvable() ? token.get().getToken() : null;
        if (raw != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + raw);
        }
    }
}
