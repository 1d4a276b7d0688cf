package org.backstrong.planner.progress;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.backstrong.planner.config.TolerantJson;
import org.backstrong.planner.security.PropagateCallerToken;

/** progress-service's analyst API, called with the analyst's own token (propagated). */
@RegisterRestClient(configKey = "progress")
@RegisterProvider(PropagateCallerToken.class)
@Path("/adherence")
public interface AdherenceApi {

    /** Another service's answers are read tolerantly (TolerantJson). */
    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper defaultObjectMapper) {
        return TolerantJson.of(defaultObjectMapper);
    }

    String CSV = "text/csv";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Adherence.Report report(
            @QueryParam("clinic") String clinic,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy);

    @GET
    @Produces(CSV)
    String csv(
            @QueryParam("clinic") String clinic,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy);

    @GET
    @Path("/at-risk")
    @Produces(MediaType.APPLICATION_JSON)
    Adherence.AtRiskReport atRisk(@QueryParam("clinic") String clinic, @QueryParam("asOf") String asOf);

    @GET
    @Path("/pain-improvement")
    @Produces(MediaType.APPLICATION_JSON)
    Adherence.Improvement painImprovement(@QueryParam("clinic") String clinic);

    @GET
    @Path("/responders")
    @Produces(MediaType.APPLICATION_JSON)
    Adherence.ResponderReport responders(@QueryParam("clinic") String clinic);
}
