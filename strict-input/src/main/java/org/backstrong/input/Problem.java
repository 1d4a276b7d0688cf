package org.backstrong.input;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem-details body; {@code field} names the offending input when there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://backstrong.org/problems/";

    /** A problem whose type is the stable slug {@code kind}. */
    public static Problem of(String kind, String title, int status, String detail, String field) {
        return new Problem(TYPE_BASE + kind, title, status, detail, field);
    }

    public Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
