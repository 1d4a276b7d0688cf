package org.backstrong.progress.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

import org.backstrong.input.BodyLimit;
import org.backstrong.input.JsonInputProblem;
import org.backstrong.input.Problem;
import org.backstrong.progress.service.FlagStateException;
import org.backstrong.progress.service.InvalidInputException;
import org.backstrong.progress.service.NotFoundException;

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
        return Problem.of("invalid-input", "Invalid input", 400, e.field() + ": " + e.getMessage(), e.field())
                .response();
    }

    /** A body that is JSON but not the expected shape: wrong type, unknown property. */
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
    public Response conflict(FlagStateException e) {
        return Problem.of("flag-state", "Conflict", 409, e.getMessage(), null).response();
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
     * The field as a client knows it: "resolve.body.note" becomes "note", "unresolved.paging.page"
     * becomes "page", "adherence.groupBy" becomes "groupBy".
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
