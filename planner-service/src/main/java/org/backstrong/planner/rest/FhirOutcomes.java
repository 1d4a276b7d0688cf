package org.backstrong.planner.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import org.backstrong.input.Problem;
import org.backstrong.planner.fhir.FhirCodes;
import org.backstrong.planner.fhir.FhirJson;
import org.backstrong.planner.fhir.Outcomes;

/**
 * Under /fhir an error is an OperationOutcome, not problem details: every 4xx and 5xx there, from
 * ProblemMapper, the parameter checks or the role check, is written again as FHIR gives it, with
 * the same status and the offending parameter in the expression.
 */
public class FhirOutcomes {

    /** The OperationOutcome's schema in /q/openapi (ProblemResponses adds it). */
    static final String SCHEMA = "OperationOutcome";

    private final FhirJson json;

    public FhirOutcomes(FhirJson json) {
        this.json = json;
    }

    @ServerResponseFilter
    public void asOperationOutcome(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (response.getStatus() < 400 || !(path.equals("/fhir") || path.startsWith("/fhir/"))) {
            return;
        }
        String detail = null;
        String field = null;
        if (response.getEntity() instanceof Problem problem) {
            detail = problem.detail() == null ? problem.title() : problem.detail();
            field = problem.field();
        }
        String body = json.write(Outcomes.of(response.getStatus(), detail, field));
        response.setEntity(body, null, MediaType.valueOf(FhirCodes.MEDIA_TYPE));
    }
}
