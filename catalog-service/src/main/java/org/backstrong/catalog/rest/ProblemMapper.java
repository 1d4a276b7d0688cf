package org.backstrong.catalog.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.backstrong.catalog.service.CurationDeniedException;
import org.backstrong.catalog.service.ExerciseNotFoundException;
import org.backstrong.catalog.service.InvalidInputException;
import org.backstrong.catalog.service.PreconditionRequiredException;
import org.backstrong.catalog.service.StaleVersionException;
import org.backstrong.input.BodyLimit;
import org.backstrong.input.JsonInputProblem;
import org.backstrong.input.Problem;

/** Turns every failure into problem details: a stable type, a human title, the field; never a stack trace. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing((ConstraintViolation<?> v) -> fieldOf(v.getPropertyPath())))
                .orElseThrow();
        String field = fieldOf(first.getPropertyPath());
        return Problem.of("invalid-input", "Invalid input", 400, field + ": " + first.getMessage(), field)
                .response();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return Problem.of(e.problemType(), "Invalid input", 400, e.field() + ": " + e.getMessage(), e.field())
                .response();
    }

    /** A body that is JSON but not an exercise: wrong type, unknown property. */
    @ServerExceptionMapper
    public Response unreadable(MismatchedInputException e) {
        return JsonInputProblem.of(e).response();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return JsonInputProblem.of(e).response();
    }

    @ServerExceptionMapper
    public Response notFound(ExerciseNotFoundException e) {
        return Problem.of("not-found", "Not found", 404, e.getMessage(), null).response();
    }

    @ServerExceptionMapper
    public Response denied(CurationDeniedException e) {
        return Problem.of("forbidden", "Forbidden", 403, e.getMessage(), null).response();
    }

    @ServerExceptionMapper
    public Response stale(StaleVersionException e) {
        return Problem.of("stale-version", "Precondition failed", 412, e.getMessage(), "If-Match")
                .response();
    }

    @ServerExceptionMapper
    public Response preconditionRequired(PreconditionRequiredException e) {
        return Problem.of("precondition-required", "Precondition required", 428, e.getMessage(), "If-Match")
                .response();
    }

    /** Two edits of the same version raced; the loser learns it as a stale version. */
    @ServerExceptionMapper
    public Response raced(OptimisticLockException e) {
        return Problem.of(
                        "stale-version",
                        "Precondition failed",
                        412,
                        "The exercise changed while you edited it: reload it and edit again",
                        "If-Match")
                .response();
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
        return Problem.of(title.toLowerCase().replaceAll("[^a-z0-9]+", "-"), title, status, detail, null)
                .response();
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

    /**
     * The field as a client knows it: "create.body.dose.setsMax" becomes "dose.setsMax",
     * "create.body.steps[2].<list element>" becomes "steps[2]", "search.q" becomes "q".
     */
    static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            boolean named = node.getKind() == ElementKind.PROPERTY
                    // A query, path or header parameter is itself the field; a body or bean parameter holds fields.
                    || (node.getKind() == ElementKind.PARAMETER && i == nodes.size() - 1);
            if (named && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
