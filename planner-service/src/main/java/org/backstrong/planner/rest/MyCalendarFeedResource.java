package org.backstrong.planner.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.CalendarFeeds;

/** The patient's own calendar feed of their session days: turn it on (a new private address), or off. */
@Path("/me/calendar-feed")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PATIENT)
@Tag(
        name = "My calendar feed",
        description = "A private iCalendar address of my session days, for my phone's reminders")
public class MyCalendarFeedResource {

    private final CalendarFeeds feeds;
    private final Caller caller;

    public MyCalendarFeedResource(CalendarFeeds feeds, Caller caller) {
        this.feeds = feeds;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getMyCalendarFeed", summary = "Whether my calendar feed is on (its address is not kept)")
    public CalendarFeedView get() {
        return feeds.of(caller.subject())
                .map(feed -> new CalendarFeedView(true, feed.createdAt, null))
                .orElse(new CalendarFeedView(false, null, null));
    }

    /** A new address each time: the one before stops working. The address is in this answer only. */
    @POST
    @Operation(
            operationId = "turnOnMyCalendarFeed",
            summary = "Turn my calendar feed on with a new private address (an address given before stops working)")
    @APIResponse(
            responseCode = "201",
            description = "On, at the address in url (shown this once)",
            content = @Content(schema = @Schema(implementation = CalendarFeedView.class)))
    @APIResponse(responseCode = "404", description = "I am not enrolled as a clinic's patient")
    public Response turnOn(@Context UriInfo uri) {
        CalendarFeeds.Issued issued = feeds.turnOn(caller.subject());
        String url = CalendarFeeds.address(uri.getBaseUri(), issued.token());
        return Response.status(Response.Status.CREATED)
                .entity(new CalendarFeedView(true, issued.createdAt(), url))
                .header("Cache-Control", "no-store")
                .build();
    }

    @DELETE
    @Operation(operationId = "turnOffMyCalendarFeed", summary = "Turn my calendar feed off: its address answers 404")
    @APIResponse(responseCode = "204", description = "Off (also when it was off)")
    public Response turnOff() {
        feeds.turnOff(caller.subject());
        return Response.noContent().build();
    }
}
