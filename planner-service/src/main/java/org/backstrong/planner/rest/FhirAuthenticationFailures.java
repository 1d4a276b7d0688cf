package org.backstrong.planner.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.backstrong.planner.fhir.FhirCodes;
import org.backstrong.planner.fhir.FhirJson;
import org.backstrong.planner.fhir.Outcomes;

/**
 * A bearer token that is refused (unreadable, expired, another audience) is refused before any
 * resource runs, so FhirOutcomes never sees it: under /fhir that 401 is an OperationOutcome too.
 */
@ApplicationScoped
public class FhirAuthenticationFailures {

    private final FhirJson json;

    public FhirAuthenticationFailures(FhirJson json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route("/fhir/*").failureHandler(this::refused);
    }

    private void refused(RoutingContext context) {
        if (!(context.failure() instanceof AuthenticationFailedException)
                || context.response().ended()) {
            context.next();
            return;
        }
        context.response()
                .setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .putHeader("Content-Type", FhirCodes.MEDIA_TYPE)
                .end(json.write(Outcomes.of(401, "The bearer token was refused: sign in again", null)));
    }
}
