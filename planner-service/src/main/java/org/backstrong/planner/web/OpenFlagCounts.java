package org.backstrong.planner.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.backstrong.planner.config.PlannerConfig;
import org.backstrong.planner.progress.PainFlagsApi;

/**
 * The number of open pain flags the clinicians' navigation shows, asked of progress-service with the
 * signed-in clinician's token and reused per clinic for a short while, so a page costs no extra call
 * most of the time and a slow progress-service slows at most one page in that while. Unknown (null)
 * when progress-service cannot answer: the navigation then shows no number.
 */
@ApplicationScoped
public class OpenFlagCounts {

    private record Count(Long open, long at) {}

    private final PainFlagsApi flags;
    private final Duration reuse;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    public OpenFlagCounts(@RestClient PainFlagsApi flags, PlannerConfig config) {
        this.flags = flags;
        this.reuse = config.web().openFlagsCache();
    }

    public Long of(String clinicId) {
        long now = System.nanoTime();
        Count known = counts.get(clinicId);
        if (known != null && now - known.at() < reuse.toNanos()) {
            return known.open();
        }
        Long open;
        try {
            open = flags.openCount().open();
        } catch (RuntimeException e) {
            Log.debugf("progress-service did not count the open pain flags of clinic %s: %s", clinicId, e.getMessage());
            open = null;
        }
        counts.put(clinicId, new Count(open, now));
        return open;
    }

    /** After a flag was resolved through the pages, the next page counts again. */
    public void forget(String clinicId) {
        counts.remove(clinicId);
    }
}
