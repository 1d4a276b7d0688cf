package org.backstrong.planner.rest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.backstrong.planner.service.InputText;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every path and query parameter of every endpoint passes {@link InputText} as one line, before
 * the endpoint sees it: "/patients/a%00b" is a 400 naming "id", not a database error.
 */
public class ParameterText {

    @ServerRequestFilter
    public Optional<Response> refuseControlCharacters(UriInfo uri) {
        return firstRefused(uri.getPathParameters()).or(() -> firstRefused(uri.getQueryParameters()));
    }

    private static Optional<Response> firstRefused(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                String refusal = InputText.refusal(value, true);
                if (refusal != null) {
                    String field = parameter.getKey();
                    return Optional.of(Problem.of("invalid-input", "Invalid input", 400, field + ": " + refusal, field)
                            .response());
                }
            }
        }
        return Optional.empty();
    }
}
