package org.backstrong.planner.web;

import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import org.backstrong.input.Problem;
import org.backstrong.planner.security.Caller;

/**
 * Refuses a state-changing request to the pages (/app/...) that rides on the session cookie
 * without the page's anti-forgery token. A request with its own bearer token carries no ambient
 * credential another site could borrow, so it needs none.
 */
public class CsrfFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final CsrfTokens tokens;
    private final SecurityIdentity identity;
    private final Caller caller;

    public CsrfFilter(CsrfTokens tokens, SecurityIdentity identity, Caller caller) {
        this.tokens = tokens;
        this.identity = identity;
        this.caller = caller;
    }

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext context) {
        ResteasyReactiveRequestContext request = (ResteasyReactiveRequestContext) context.getServerRequestContext();
        String path = request.getPath();
        if (SAFE_METHODS.contains(request.getMethod()) || !(path.equals("/app") || path.startsWith("/app/"))) {
            return null;
        }
        String authorization = request.getHttpHeaders().getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        if (identity.isAnonymous()) {
            return null; // the security checks answer it
        }
        String presented = request.getHttpHeaders().getHeaderString(CsrfTokens.HEADER);
        if (presented == null) {
            Object field = request.getFormParameter(CsrfTokens.FIELD, true, false);
            presented = field == null ? null : field.toString();
        }
        if (tokens.matches(presented, caller.subject(), caller.signInSession())) {
            return null;
        }
        Log.infof("Refused a %s to %s without a valid anti-forgery token", request.getMethod(), path);
        return Problem.of(
                        "csrf",
                        "Forbidden",
                        403,
                        "The page's anti-forgery token is missing or wrong: reload the page and try again",
                        CsrfTokens.FIELD)
                .response();
    }
}
