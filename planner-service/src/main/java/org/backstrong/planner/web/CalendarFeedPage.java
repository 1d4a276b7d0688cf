package org.backstrong.planner.web;

import java.net.URI;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.backstrong.planner.domain.CalendarFeed;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.CalendarFeeds;
import org.backstrong.planner.service.NotFoundException;

/**
 * The patient's reminders page (/app/me/calendar): turn the private calendar feed of their session
 * days on, give it a new address, or turn it off. The address is shown once, right after it is
 * made: the redirect carries the token in a short-lived cookie scoped to this page, which the page
 * deletes as it shows it (planner keeps only its hash), and that page is never kept offline.
 */
@Path("/app/me/calendar")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.PATIENT)
public class CalendarFeedPage {

    static final String COOKIE = "backstrong-calendar-feed";
    private static final String PATH = "/app/me/calendar";
    /** Long enough for the redirect, short enough that a forgotten tab holds nothing for long. */
    private static final int COOKIE_SECONDS = 120;

    private final CalendarFeeds feeds;
    private final Caller caller;
    private final CsrfTokens csrf;
    private final ClinicTime time;

    public CalendarFeedPage(CalendarFeeds feeds, Caller caller, CsrfTokens csrf, ClinicTime time) {
        this.feeds = feeds;
        this.caller = caller;
        this.csrf = csrf;
        this.time = time;
    }

    /** The feed's address to copy and, for phones, the same as a webcal: link that subscribes at a tap. */
    public record Address(String url, String webcal) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calendar(
                PageFrame frame, boolean enrolled, String onSince, Address address, String flash);
    }

    @GET
    public Response show(@CookieParam(COOKIE) String token, @QueryParam("flash") String flash, @Context UriInfo uri) {
        Optional<CalendarFeed> feed = feeds.of(caller.subject());
        Address address = token != null && feeds.isCurrent(caller.subject(), token) ? address(uri, token) : null;
        Response.ResponseBuilder page = Response.ok(
                Templates.calendar(
                        PageFrame.of(caller, csrf, "Reminders", "calendar"),
                        feeds.enrolled(caller.subject()),
                        feed.map(on -> time.format(
                                        on.createdAt, caller.clinicId().orElse(null)))
                                .orElse(null),
                        address,
                        flashText(flash)),
                MediaType.TEXT_HTML_TYPE);
        if (address != null) {
            // Shown this once: no cache (and not the app's offline copy) keeps the address.
            page.header("Cache-Control", "no-store");
        }
        if (token != null) {
            page.cookie(cookie("", 0, uri));
        }
        return page.build();
    }

    /** Turns the feed on, or gives it a new address: back to this page, which shows the address once. */
    @POST
    @Path("/on")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response turnOn(@Context UriInfo uri) {
        try {
            CalendarFeeds.Issued issued = feeds.turnOn(caller.subject());
            return Response.seeOther(URI.create(PATH))
                    .cookie(cookie(issued.token(), COOKIE_SECONDS, uri))
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (NotFoundException e) {
            return PageResponses.seeOther(PATH + "?flash=not-enrolled");
        }
    }

    @POST
    @Path("/off")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response turnOff() {
        feeds.turnOff(caller.subject());
        return PageResponses.seeOther(PATH + "?flash=off");
    }

    private static Address address(UriInfo uri, String token) {
        String url = CalendarFeeds.address(uri.getBaseUri(), token);
        return new Address(url, url.replaceFirst("^https?:", "webcal:"));
    }

    private static String flashText(String flash) {
        if (flash == null) {
            return null;
        }
        return switch (flash) {
            case "off" ->
                "Reminders are off: the calendar address no longer works. Remove the calendar from your phone.";
            case "not-enrolled" ->
                "Your account is not enrolled with a clinic yet, so there are no sessions to remind you of.";
            default -> null;
        };
    }

    private static NewCookie cookie(String value, int maxAge, UriInfo uri) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path(PATH)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure("https".equals(uri.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
