package org.backstrong.planner.web;

import java.net.URI;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/** The two answers a page's form gives: go on to another page, or this page again with a status. */
final class PageResponses {

    private PageResponses() {}

    /** After a form that worked: the browser loads the next page (and a reload does not send the form again). */
    static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    /** A page that answers its own error, such as a refused form with its messages. */
    static Response html(Response.Status status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(page)
                .build();
    }
}
