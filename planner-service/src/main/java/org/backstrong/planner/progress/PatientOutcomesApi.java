package org.backstrong.planner.progress;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.backstrong.planner.config.TolerantJson;
import org.backstrong.planner.security.PropagateCallerToken;

/** progress-service's outcome measures of one patient, called with the caller's own token. */
@RegisterRestClient(configKey = "progress")
@RegisterProvider(PropagateCallerToken.class)
@Path("/patients/{id}/outcomes")
@Produces(MediaType.APPLICATION_JSON)
public interface PatientOutcomesApi {

    /** Another service's answers are read tolerantly (TolerantJson). */
    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper defaultObjectMapper) {
        return TolerantJson.of(defaultObjectMapper);
    }

    /** A 404 is an answer (nothing known of the patient), not a failure: callers need not read HTTP to tell. */
    @ClientExceptionMapper
    static RuntimeException unknownPatient(Response response) {
        return response.getStatus() == 404 ? new UnknownToProgress("progress-service knows no such patient") : null;
    }

    /** 404 when progress knows neither a plan nor a response of the patient, or the patient is another clinic's. */
    @GET
    PatientOutcomes of(@PathParam("id") String patientId);
}
