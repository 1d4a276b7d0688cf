package org.backstrong.planner.rest;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.Sessions;
import org.backstrong.planner.service.SetLogging;

/**
 * The patient's API as the pages' scripts call it: the same endpoints as /me, signed in by the
 * session cookie (with the page's anti-forgery token) instead of a bearer token. JSON, so it sits
 * with the API's resources; the OpenAPI document leaves it out, as it describes /me already.
 */
@Path("/app/api/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PATIENT)
public class WebMeResource extends MeResource {

    public WebMeResource(Sessions sessions, SetLogging logging, Caller caller, Clock clock) {
        super(sessions, logging, caller, clock);
    }
}
