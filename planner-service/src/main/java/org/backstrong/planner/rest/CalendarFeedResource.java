package org.backstrong.planner.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.planner.service.CalendarFeeds;
import org.backstrong.planner.service.NotFoundException;

/**
 * A patient's calendar feed as their phone's calendar subscribes to it: no sign-in, the token in
 * the address is the credential. An unknown or revoked token answers 404.
 */
@Path("/calendar/{token}/sessions.ics")
@Tag(name = "Calendar feeds", description = "Session days as iCalendar, for a phone's reminders")
public class CalendarFeedResource {

    public static final String TEXT_CALENDAR = "text/calendar";

    private final CalendarFeeds feeds;

    public CalendarFeedResource(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GET
    @PermitAll
    @Produces(TEXT_CALENDAR)
    @Operation(
            operationId = "getCalendarFeed",
            summary = "The session days of a patient's active plans as iCalendar (RFC 5545), summary only")
    @APIResponse(
            responseCode = "200",
            description = "One all-day event a session day, each with a reminder",
            content = @Content(mediaType = TEXT_CALENDAR, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "404", description = "No feed has this token, or it was turned off or replaced")
    public Response feed(@PathParam("token") String token) {
        String ics = feeds.feed(token).orElseThrow(() -> new NotFoundException("Calendar feed"));
        return Response.ok(ics, TEXT_CALENDAR + "; charset=utf-8")
                // The address is a secret: not kept by shared caches, not passed on as a referrer, not indexed.
                .header("Cache-Control", "private, no-cache")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .build();
    }
}
