package org.backstrong.planner.progress;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.backstrong.planner.config.TolerantJson;
import org.backstrong.planner.security.PropagateCallerToken;

/** progress-service's view of one patient over time, called with the clinician's own token. */
@RegisterRestClient(configKey = "progress")
@RegisterProvider(PropagateCallerToken.class)
@Path("/patients/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public interface TimelineApi {

    /** Another service's answers are read tolerantly (TolerantJson). */
    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper defaultObjectMapper) {
        return TolerantJson.of(defaultObjectMapper);
    }

    /** 404 when progress has no plan of this patient (yet) or the patient is another clinic's. */
    @GET
    PatientTimeline of(@PathParam("id") String patientId);

    /**
     * The same, for a background job: {@code authorization} ("Bearer …") is the token its kick-off
     * gave it, there being no request to take it from; 401 once that token has expired.
     */
    @GET
    PatientTimeline of(@PathParam("id") String patientId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
