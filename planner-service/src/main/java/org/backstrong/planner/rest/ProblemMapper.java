package org.backstrong.planner.rest;

import java.util.Comparator;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.backstrong.input.BodyLimit;
import org.backstrong.input.JsonInputProblem;
import org.backstrong.input.Problem;
import org.backstrong.planner.problems.FieldNames;
import org.backstrong.planner.service.ConflictException;
import org.backstrong.planner.service.InvalidInputException;
import org.backstrong.planner.service.NotFoundException;
import org.backstrong.planner.service.SetLogUnavailable;

/** Turns every failure into problem details: a stable type, a human title, the field; never a stack trace. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing((ConstraintViolation<?> v) -> FieldNames.of(v.getPropertyPath())))
                .orElseThrow();
        String field = FieldNames.of(first.getPropertyPath());
        return Problem.of("invalid-input", "Invalid input", 400, field + ": " + first.getMessage(), field)
                .response();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return Problem.of(
                        e.problemType(),
                        e.status() == 422 ? "Unprocessable request" : "Invalid input",
                        e.status(),
                        e.field() + ": " + e.getMessage(),
                        e.field())
                .response();
    }

    /** A body that is JSON but not what the endpoint takes: wrong type, unknown property. */
    @ServerExceptionMapper
    public Response unreadable(MismatchedInputException e) {
        return JsonInputProblem.of(e).response();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return JsonInputProblem.of(e).response();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.of("not-found", "Not found", 404, e.getMessage(), null).response();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problem.of(e.problemType(), "Conflict", 409, e.getMessage(), null)
                .response();
    }

    /** Two changes of the same plan raced; the loser is told to reload. */
    @ServerExceptionMapper
    public Response raced(OptimisticLockException e) {
        return Problem.of(
                        "concurrent-change",
                        "Conflict",
                        409,
                        "The plan changed while you edited it: reload it and edit again",
                        null)
                .response();
    }

    /** Answered as the 503 an HTTP layer would give, with the Retry-After a device waits for. */
    @ServerExceptionMapper
    public Response setLogUnavailable(SetLogUnavailable e) {
        Response problem = Problem.of("service-unavailable", "Service Unavailable", 503, e.getMessage(), null)
                .response();
        return Response.fromResponse(problem)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return malformed(unreadable);
        }
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return BodyLimit.problem().response();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = e.getMessage() != null && !e.getMessage().startsWith("HTTP ") ? e.getMessage() : null;
        Response problem = Problem.of(title.toLowerCase().replaceAll("[^a-z0-9]+", "-"), title, status, detail, null)
                .response();
        // A 503's Retry-After tells a device when to send again.
        Object retryAfter = e.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        return retryAfter == null
                ? problem
                : Response.fromResponse(problem)
                        .header(HttpHeaders.RETRY_AFTER, retryAfter)
                        .build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e) {
        Log.error("Unexpected failure", e);
        return Problem.of(
                        "internal-error",
                        "Internal error",
                        500,
                        "The request could not be completed; it has been logged.",
                        null)
                .response();
    }
}
