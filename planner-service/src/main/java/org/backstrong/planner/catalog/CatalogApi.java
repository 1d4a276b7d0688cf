package org.backstrong.planner.catalog;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.backstrong.planner.security.PropagateCallerToken;

/** catalog-service's REST API, called with the caller's own token (propagated). */
@RegisterRestClient(configKey = "catalog")
@RegisterProvider(PropagateCallerToken.class)
@Path("/exercises")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    @GET
    @Path("/{id}")
    CatalogExercise current(@PathParam("id") String id);

    @GET
    @Path("/{id}/versions/{version}")
    CatalogExercise version(@PathParam("id") String id, @PathParam("version") int version);
}
