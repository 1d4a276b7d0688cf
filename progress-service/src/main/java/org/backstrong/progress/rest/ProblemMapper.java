package org.backstrong.progress.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;

/** Turns every failure into problem details: a stable type, a human title, the field; never a stack trace. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().iterator().next();
        String field = lastNode(first.getPropertyPath().toString());
        return Problem.of("invalid-input", "Invalid input", 400, field + ": " + first.getMessage(), field).response();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return Problem.of(slug(title), title, status, e.getMessage(), null).response();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e) {
        Log.error("Unexpected failure", e);
        return Problem.of("internal-error", "Internal error", 500,
                "The request could not be completed; it has been logged.", null).response();
    }

    /** "list.size" becomes "size": clients know query and body fields, not Java method names. */
    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
