package org.backstrong.planner.web;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import org.backstrong.input.Problem;
import org.backstrong.planner.security.Caller;

/**
 * Errors for a browser are pages: a 403, 404 or 5xx of the pages (/app/..., but not the scripts'
 * /app/api/...) or of any request that asks for HTML comes as a page in the app's frame, saying
 * what happened and with a way back, instead of problem details or an empty body. A page that
 * answers its own error (a refused form) is left as it is; the status never changes.
 */
public class ProblemPages {

    private final Caller caller;
    private final SecurityIdentity identity;
    private final CsrfTokens csrf;

    public ProblemPages(Caller caller, SecurityIdentity identity, CsrfTokens csrf) {
        this.caller = caller;
        this.identity = identity;
        this.csrf = csrf;
    }

    /** What the page says: a heading, what happened, and whether the caller may simply try again. */
    public record Trouble(int status, String heading, String text, boolean tryAgain) {}

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance problem(PageFrame frame, Trouble trouble);
    }

    @ServerResponseFilter
    public void toPage(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || !forBrowser(request) || isHtml(response)) {
            return;
        }
        Trouble trouble = troubleOf(status, response.getEntity() instanceof Problem problem ? problem : null);
        String page = Templates.problem(frame(trouble.heading()), trouble).render();
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        response.setEntity(page, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    static Trouble troubleOf(int status, Problem problem) {
        String detail = problem == null ? null : problem.detail();
        return switch (status) {
            case 403 ->
                new Trouble(
                        status,
                        "Not a page for your account",
                        "This page belongs to another kind of Backstrong user, so your account cannot open it."
                                + (problem != null && "csrf".equals(problem.field())
                                        ? " (The form's anti-forgery token was missing or old: reload the page and try again.)"
                                        : ""),
                        false);
            case 404 ->
                new Trouble(
                        status,
                        "Page not found",
                        "There is no such page, or it is not one your account can see. The link may be old or mistyped.",
                        false);
            case 502, 503, 504 ->
                new Trouble(
                        status,
                        "Not available just now",
                        detail != null
                                ? detail
                                : "A part of Backstrong this page needs is not answering. Nothing was changed.",
                        true);
            default ->
                status >= 500
                        ? new Trouble(
                                status,
                                "Something went wrong",
                                "The page could not be made; the failure has been logged and nothing was changed.",
                                true)
                        : new Trouble(
                                status,
                                problem != null && problem.title() != null ? problem.title() : "Not possible",
                                detail != null ? detail : "The request could not be handled.",
                                false);
        };
    }

    /** A browser's page: under /app but not the scripts' API, or any request that asks for HTML. */
    private static boolean forBrowser(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean page = (path.equals("/app") || path.startsWith("/app/")) && !path.startsWith("/app/api/");
        if (page) {
            return true;
        }
        List<MediaType> accepted = request.getAcceptableMediaTypes();
        return accepted.stream().anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
    }

    private static boolean isHtml(ContainerResponseContext response) {
        // A page that answers its own error returns its template; its media type is set only as it is written.
        if (response.getEntity() instanceof TemplateInstance) {
            return true;
        }
        MediaType type = response.getMediaType();
        return type != null && "text".equals(type.getType()) && "html".equals(type.getSubtype());
    }

    private PageFrame frame(String title) {
        if (identity.isAnonymous()) {
            return new PageFrame(title, "", "none", "", "", null);
        }
        return PageFrame.of(caller, csrf, title, "");
    }
}
