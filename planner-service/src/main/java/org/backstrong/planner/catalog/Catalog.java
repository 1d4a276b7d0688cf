package org.backstrong.planner.catalog;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The planner's view of the catalog: bounded in time, retried, and cut off by a circuit breaker
 * when the catalog is down. Kept versions never change, so they are cached; the current
 * version is cached briefly, since an admin may retire it.
 */
@ApplicationScoped
public class Catalog {

    private final CatalogApi api;

    public Catalog(@RestClient CatalogApi api) {
        this.api = api;
    }

    /**
     * The current exercise, or empty when the catalog does not know it (or not for this caller).
     * {@code callerClinic} is part of the cache key: a clinic's own exercises exist only for it.
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = WebApplicationException.class)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 5,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    @CacheResult(cacheName = "catalog-current")
    public Optional<CatalogExercise> current(String id, String callerClinic) {
        try {
            return Optional.of(api.current(id));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A kept version: what a plan that refers to it shows ({@code callerClinic} as above). */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = WebApplicationException.class)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 5,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    @CacheResult(cacheName = "catalog-versions")
    public CatalogExercise version(String id, int version, String callerClinic) {
        return api.version(id, version);
    }

    /**
     * A kept version for a background job, with its kick-off's token ("Bearer …"): the same cache
     * entries as {@link #version(String, int, String)}, the token no part of the key.
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = WebApplicationException.class)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 5,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    @CacheResult(cacheName = "catalog-versions")
    public CatalogExercise version(
            @CacheKey String id, @CacheKey int version, @CacheKey String callerClinic, String authorization) {
        return api.version(id, version, authorization);
    }
}
