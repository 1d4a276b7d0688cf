package org.backstrong.planner.catalog;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.backstrong.planner.config.TolerantJson;
import org.backstrong.planner.security.PropagateCallerToken;

/** catalog-service's REST API, called with the caller's own token (propagated). */
@RegisterRestClient(configKey = "catalog")
@RegisterProvider(PropagateCallerToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    /** Another service's answers are read tolerantly (TolerantJson). */
    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper defaultObjectMapper) {
        return TolerantJson.of(defaultObjectMapper);
    }

    @GET
    @Path("/exercises/{id}")
    CatalogExercise current(@PathParam("id") String id);

    @GET
    @Path("/exercises/{id}/versions/{version}")
    CatalogExercise version(@PathParam("id") String id, @PathParam("version") int version);

    /** The same, for a background job, with the token ("Bearer …") its kick-off gave it. */
    @GET
    @Path("/exercises/{id}/versions/{version}")
    CatalogExercise version(
            @PathParam("id") String id,
            @PathParam("version") int version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** The same document as {@link #current}, with everything the catalog pages show. */
    @GET
    @Path("/exercises/{id}")
    CatalogDetail detail(@PathParam("id") String id);

    /** One page of matches ({@code List<CatalogSummary>}); the X-Total-Count header counts them all. */
    @GET
    @Path("/exercises")
    Response search(
            @QueryParam("q") String q,
            @QueryParam("region") String region,
            @QueryParam("muscle") String muscle,
            @QueryParam("equipment") String equipment,
            @QueryParam("category") String category,
            @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/muscles")
    List<CatalogTerm> muscles();

    @GET
    @Path("/equipment")
    List<CatalogTerm> equipment();

    @GET
    @Path("/regions")
    List<CatalogTerm> regions();
}
