package org.backstrong.planner.web;

import java.net.URI;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;

/** The front door: /app sends each signed-in user to the home page of their role. */
@Path("/app")
public class HomePage {

    private final Caller caller;

    public HomePage(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Authenticated
    public Response home() {
        String target = switch (PageFrame.roleOf(caller)) {
            case Roles.PATIENT -> "/app/me/today";
            case Roles.CLINICIAN -> "/app/clinic";
            case Roles.ANALYST -> "/app/analytics";
            case Roles.ADMIN -> "/app/catalog";
            default -> throw new ForbiddenException("This account has no Backstrong role");
        };
        return Response.seeOther(URI.create(target)).build();
    }
}
