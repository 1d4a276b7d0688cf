package org.backstrong.planner.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.backstrong.planner.catalog.CatalogBrowser;
import org.backstrong.planner.catalog.CatalogDetail;
import org.backstrong.planner.catalog.CatalogRefusal;
import org.backstrong.planner.catalog.CatalogSummary;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.NotFoundException;

/** The exercise catalog for clinicians and admins (/app/catalog): search with filters, and each exercise's page. */
@Path("/app/catalog")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CLINICIAN, Roles.ADMIN})
public class CatalogPages {

    static final int PAGE_SIZE = 20;
    static final List<String> CATEGORIES = List.of("warm-up", "strength", "mobility", "stretching");

    private final CatalogBrowser catalog;
    private final Caller caller;
    private final CsrfTokens csrf;

    public CatalogPages(CatalogBrowser catalog, Caller caller, CsrfTokens csrf) {
        this.catalog = catalog;
        this.caller = caller;
        this.csrf = csrf;
    }

    /** The filters as given, for the form to show them again and the paging links to keep them. */
    public record Filters(String q, String region, String muscle, String equipment, String category, int page) {

        String query(int toPage) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("q", q);
            params.put("region", region);
            params.put("muscle", muscle);
            params.put("equipment", equipment);
            params.put("category", category);
            params.put("page", String.valueOf(toPage));
            return params.entrySet().stream()
                    .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&", "/app/catalog?", ""));
        }
    }

    /** A page of results, with where the previous and next pages are (null when there are none). */
    public record Results(List<CatalogSummary> items, int total, int first, int last, String previous, String next) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                PageFrame frame,
                Filters filters,
                CatalogBrowser.Vocabularies vocabularies,
                List<String> categories,
                Results results,
                boolean unavailable,
                String refused);

        static native TemplateInstance exercise(PageFrame frame, CatalogDetail exercise, String dose);
    }

    @GET
    public Response list(
            @QueryParam("q") String q,
            @QueryParam("region") String region,
            @QueryParam("muscle") String muscle,
            @QueryParam("equipment") String equipment,
            @QueryParam("category") String category,
            @QueryParam("page") String page) {
        Filters filters = new Filters(
                trim(q, 100),
                trim(region, 40),
                trim(muscle, 40),
                trim(equipment, 400),
                trim(category, 40),
                pageIndex(page));
        PageFrame frame = PageFrame.of(caller, csrf, "Exercise catalog", "catalog");
        try {
            CatalogBrowser.Vocabularies vocabularies = catalog.vocabularies();
            CatalogBrowser.Found found = catalog.search(
                    filters.q(),
                    filters.region(),
                    filters.muscle(),
                    filters.equipment(),
                    filters.category(),
                    filters.page(),
                    PAGE_SIZE);
            int first = filters.page() * PAGE_SIZE;
            Results results = new Results(
                    found.items(),
                    found.total(),
                    found.items().isEmpty() ? 0 : first + 1,
                    first + found.items().size(),
                    filters.page() > 0 ? filters.query(filters.page() - 1) : null,
                    first + found.items().size() < found.total() ? filters.query(filters.page() + 1) : null);
            return Response.ok(
                            Templates.list(frame, filters, vocabularies, CATEGORIES, results, false, null),
                            MediaType.TEXT_HTML_TYPE)
                    .build();
        } catch (CatalogRefusal e) {
            Log.infof("catalog-service refused the catalog page's search: %s", e.getMessage());
            CatalogBrowser.Vocabularies vocabularies = vocabulariesOrNone();
            return Response.status(e.status() == 422 ? 422 : 400)
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.list(
                            frame,
                            filters,
                            vocabularies,
                            CATEGORIES,
                            new Results(List.of(), 0, 0, 0, null, null),
                            false,
                            refusalInWords(e, filters)))
                    .build();
        } catch (RuntimeException e) {
            Log.warnf("Catalog unavailable for the catalog page: %s", e.getMessage());
            return Response.ok(
                            Templates.list(
                                    frame,
                                    filters,
                                    new CatalogBrowser.Vocabularies(List.of(), List.of(), List.of()),
                                    CATEGORIES,
                                    new Results(List.of(), 0, 0, 0, null, null),
                                    true,
                                    null),
                            MediaType.TEXT_HTML_TYPE)
                    .build();
        }
    }

    /** "No exercise uses the equipment 'home'": what the catalog refused, in the filter's words. */
    static String refusalInWords(CatalogRefusal refusal, Filters filters) {
        String field = refusal.field();
        String value = field == null
                ? null
                : switch (field) {
                    case "region" -> filters.region();
                    case "muscle" -> filters.muscle();
                    case "equipment" -> filters.equipment();
                    case "category" -> filters.category();
                    default -> null;
                };
        if (value != null) {
            return "No exercise uses the " + field + " '" + value + "'. Choose one from the list, or clear the filter.";
        }
        return "The catalog did not take this search" + (refusal.detail() == null ? "." : ": " + refusal.detail())
                + " Change the filters and search again.";
    }

    private CatalogBrowser.Vocabularies vocabulariesOrNone() {
        try {
            return catalog.vocabularies();
        } catch (RuntimeException e) {
            return new CatalogBrowser.Vocabularies(List.of(), List.of(), List.of());
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance exercise(@PathParam("id") String id) {
        CatalogDetail exercise = catalog.detail(id).orElseThrow(() -> new NotFoundException("Exercise " + id));
        return Templates.exercise(
                PageFrame.of(caller, csrf, exercise.name(), "catalog"), exercise, doseInWords(exercise.dose()));
    }

    /** "1–3 sets of 8–12 reps each side", "1 set of 300–600 s". */
    static String doseInWords(org.backstrong.planner.catalog.CatalogExercise.Dose dose) {
        if (dose == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        text.append(range(dose.setsMin(), dose.setsMax())).append(dose.setsMax() == 1 ? " set of " : " sets of ");
        if ("reps".equals(dose.kind())) {
            text.append(range(dose.repsMin(), dose.repsMax())).append(" reps");
            if (dose.holdSeconds() != null) {
                text.append(", hold ").append(dose.holdSeconds()).append(" s");
            }
        } else {
            text.append(range(dose.secondsMin(), dose.secondsMax())).append(" s");
            text.append("hold".equals(dose.kind()) ? " held" : "");
        }
        if (dose.perSide()) {
            text.append(" each side");
        }
        return text.toString();
    }

    private static String range(Integer min, Integer max) {
        if (min == null || max == null) {
            return String.valueOf(min == null ? max : min);
        }
        return min.equals(max) ? String.valueOf(min) : min + "–" + max;
    }

    private static int pageIndex(String page) {
        try {
            return page == null ? 0 : Math.max(0, Math.min(99_999, Integer.parseInt(page.trim())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String trim(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        return text.length() > max ? text.substring(0, max) : text;
    }
}
