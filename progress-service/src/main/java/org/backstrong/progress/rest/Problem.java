package org.backstrong.progress.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem-details body; {@code field} names the offending input when there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://backstrong.org/problems/";
}
