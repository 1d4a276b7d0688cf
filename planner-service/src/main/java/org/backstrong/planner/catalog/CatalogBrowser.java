package org.backstrong.planner.catalog;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The catalog as the clinicians' pages browse it: searches and vocabularies, never cached (an
 * admin's change shows at once), bounded in time. A failure is the caller's to tell on the page:
 * a refusal ({@link CatalogRefusal}) apart from an absence.
 */
@ApplicationScoped
public class CatalogBrowser {

    /** A page of matches and how many there are in all. */
    public record Found(List<CatalogSummary> items, int total) {}

    /** The filters' choices. */
    public record Vocabularies(List<CatalogTerm> regions, List<CatalogTerm> muscles, List<CatalogTerm> equipment) {}

    private final CatalogApi api;

    public CatalogBrowser(@RestClient CatalogApi api) {
        this.api = api;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    public Found search(String q, String region, String muscle, String equipment, String category, int page, int size) {
        try (Response response = api.search(q, region, muscle, equipment, category, page, size)) {
            refuseOnClientError(response);
            List<CatalogSummary> items = response.readEntity(new GenericType<List<CatalogSummary>>() {});
            String total = response.getHeaderString("X-Total-Count");
            return new Found(items, total == null ? items.size() : Integer.parseInt(total.trim()));
        } catch (WebApplicationException e) {
            refuseOnClientError(e.getResponse());
            throw e;
        }
    }

    /** catalog-service's problem details, as far as the page tells them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String detail, String field) {}

    /** A 4xx is the catalog's answer, not its absence: the caller tells what it refused. */
    private static void refuseOnClientError(Response response) {
        int status = response.getStatus();
        if (status < 400 || status >= 500) {
            return;
        }
        Problem problem = null;
        try {
            problem = response.readEntity(Problem.class);
        } catch (RuntimeException unreadable) {
            // A refusal without problem details is still a refusal.
        }
        throw new CatalogRefusal(
                status, problem == null ? null : problem.field(), problem == null ? null : problem.detail());
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    public Vocabularies vocabularies() {
        return new Vocabularies(api.regions(), api.muscles(), api.equipment());
    }

    /** The exercise, or empty when the catalog does not know it (or not for this caller). */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    public Optional<CatalogDetail> detail(String id) {
        try {
            return Optional.of(api.detail(id));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
