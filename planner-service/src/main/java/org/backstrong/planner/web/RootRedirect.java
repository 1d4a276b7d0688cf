package org.backstrong.planner.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** http://127.0.0.1:8080/ is where people type: it leads to the pages. */
@Path("/")
public class RootRedirect {

    @GET
    @PermitAll
    public Response root() {
        return Response.seeOther(URI.create("/app")).build();
    }
}
