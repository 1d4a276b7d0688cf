package org.backstrong.planner.rest;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.OutcomeMeasures;

/**
 * The patient's outcome measures as the pages' scripts (and the device's outbox) send them: the same
 * endpoints as /me/outcomes, signed in by the session cookie with the page's anti-forgery token.
 */
@Path("/app/api/me/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PATIENT)
public class WebMyOutcomesResource extends MyOutcomesResource {

    public WebMyOutcomesResource(OutcomeMeasures outcomes, Caller caller, Clock clock) {
        super(outcomes, caller, clock);
    }
}
