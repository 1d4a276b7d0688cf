package org.backstrong.planner.web;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.backstrong.planner.accounts.Invitation;
import org.backstrong.planner.domain.Patient;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.PatientRegistry;

/**
 * What the clinician hands a newly invited patient (/app/invitations/{patientId}): the login
 * name and the one-time password, shown once. The enrolment's redirect carries them in a
 * short-lived cookie scoped to this page alone (never in a URL, never stored by planner); the
 * page reads it and deletes it, so a reload shows no password.
 */
@Path("/app/invitations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.CLINICIAN)
public class InvitationPage {

    static final String COOKIE = "backstrong-invitation";
    /** Long enough for the redirect, short enough that a forgotten tab holds nothing for long. */
    private static final int COOKIE_SECONDS = 120;

    private final PatientRegistry registry;
    private final Caller caller;
    private final CsrfTokens csrf;

    public InvitationPage(PatientRegistry registry, Caller caller, CsrfTokens csrf) {
        this.registry = registry;
        this.caller = caller;
        this.csrf = csrf;
    }

    /** The login name and one-time password, or null when they were shown already. */
    public record HandOver(String username, String oneTimePassword) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invitation(
                PageFrame frame, String patientId, String displayName, HandOver handOver);
    }

    /** The 303 after an invitation: to this page, with the hand-over in its cookie. */
    static Response handOver(String patientId, Invitation invitation, UriInfo uri) {
        String value = URLEncoder.encode(invitation.username(), StandardCharsets.UTF_8) + "."
                + URLEncoder.encode(invitation.oneTimePassword(), StandardCharsets.UTF_8);
        return Response.seeOther(URI.create(pathOf(patientId)))
                .cookie(cookie(patientId, value, COOKIE_SECONDS, uri))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/{patientId}")
    public Response show(
            @PathParam("patientId") String patientId,
            @CookieParam(COOKIE) String handOver,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        Patient patient = registry.get(caller.clinic(), patientId);
        HandOver shown = parse(handOver);
        Response.ResponseBuilder page = Response.ok(
                        Templates.invitation(
                                PageFrame.of(caller, csrf, "Invitation for " + patient.displayName, "clinic"),
                                patient.id,
                                patient.displayName,
                                shown),
                        MediaType.TEXT_HTML_TYPE)
                .header("Cache-Control", "no-store");
        if (handOver != null) {
            page.cookie(cookie(patientId, "", 0, uri));
        }
        return page.build();
    }

    private static HandOver parse(String value) {
        if (value == null) {
            return null;
        }
        int dot = value.indexOf('.');
        if (dot <= 0 || dot == value.length() - 1) {
            return null;
        }
        return new HandOver(
                URLDecoder.decode(value.substring(0, dot), StandardCharsets.UTF_8),
                URLDecoder.decode(value.substring(dot + 1), StandardCharsets.UTF_8));
    }

    private static String pathOf(String patientId) {
        return "/app/invitations/" + patientId;
    }

    private static NewCookie cookie(String patientId, String value, int maxAge, UriInfo uri) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path(pathOf(patientId))
                .maxAge(maxAge)
                .httpOnly(true)
                .secure("https".equals(uri.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
