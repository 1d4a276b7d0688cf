package org.backstrong.planner.progress;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.backstrong.planner.config.TolerantJson;
import org.backstrong.planner.security.PropagateCallerToken;

/** progress-service's pain-flag inbox, called with the clinician's own token (so progress applies their clinic). */
@RegisterRestClient(configKey = "progress")
@RegisterProvider(PropagateCallerToken.class)
@Path("/pain-flags")
@Produces(MediaType.APPLICATION_JSON)
public interface PainFlagsApi {

    /** Another service's answers are read tolerantly (TolerantJson). */
    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper defaultObjectMapper) {
        return TolerantJson.of(defaultObjectMapper);
    }

    /** The caller's clinic's unresolved flags, newest first. */
    @GET
    List<PainFlag> unresolved(@QueryParam("page") int page, @QueryParam("size") int size);

    /** How many of the caller's clinic's flags are not resolved yet. */
    @GET
    @Path("/count")
    OpenCount openCount();

    @POST
    @Path("/{id}/acknowledge")
    PainFlag acknowledge(@PathParam("id") String id);

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    PainFlag resolve(@PathParam("id") String id, Resolution body);

    /** progress-service's answer to {@link #openCount()}. */
    record OpenCount(long open) {}

    /** The body of a resolution: the clinician's note (1–2000 characters). */
    record Resolution(String note) {}
}
