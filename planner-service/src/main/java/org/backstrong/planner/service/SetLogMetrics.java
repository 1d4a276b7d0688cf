package org.backstrong.planner.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

import org.backstrong.planner.domain.SetRefusal;

/**
 * The set-logging path in /q/metrics, counted once per batch by the batch's figures (never per set, never with a
 * patient, plan or set id as a tag): backstrong_set_log_stored_total, _duplicates_total (a set id sent again,
 * answered with the first answer), _refused_total{reason} (a small closed set of reasons, every one known at 0
 * from the start), _unavailable_total (503: every queue full, or the writer stopping), _failed_total (sets the
 * database would not store), and the batches' sizes and times (backstrong_set_log_batch_size,
 * backstrong_set_log_batch_seconds).
 */
// At start, not at first use: every series is in the scrape before the first set or event.
@Startup
@ApplicationScoped
public class SetLogMetrics {

    /** The reasons a set is refused for, as the reason tag gives them; anything else counts as {@link #OTHER}. */
    public static final List<String> REASONS = List.of(
            "invalid-field",
            "not-found",
            "plan-not-active",
            "future-session",
            "no-session",
            "not-in-session",
            "exercise-paused",
            "id-taken",
            "set-already-logged");

    static final String OTHER = "other";

    /** What one batch decided: sets stored, resends answered without storing, and refusals by reason. */
    static final class Tally {
        int stored;
        int duplicates;
        private final Map<String, Integer> refused = new LinkedHashMap<>();

        void stored() {
            stored++;
        }

        void duplicate() {
            duplicates++;
        }

        /** A 400 (a field that does not fit) is left out: the resource counts every 400 as it leaves. */
        void refused(SetRefusal refusal) {
            if (refusal.kind() != SetRefusal.Kind.INVALID_FIELD) {
                refused.merge(reason(refusal), 1, Integer::sum);
            }
        }
    }

    private final Counter stored;
    private final Counter duplicates;
    private final Map<String, Counter> refused = new LinkedHashMap<>();
    private final Counter unavailable;
    private final Counter failed;
    private final DistributionSummary batchSize;
    private final Timer batchTime;

    public SetLogMetrics(MeterRegistry metrics) {
        stored = Counter.builder("backstrong.set.log.stored")
                .description("Sets stored (each once, however often it was sent)")
                .register(metrics);
        duplicates = Counter.builder("backstrong.set.log.duplicates")
                .description("Sets sent again under a stored set id, answered with the first answer")
                .register(metrics);
        for (String reason : REASONS) {
            refused.put(reason, refusedCounter(metrics, reason));
        }
        refused.put(OTHER, refusedCounter(metrics, OTHER));
        unavailable = Counter.builder("backstrong.set.log.unavailable")
                .description("Sets answered 503 (send it again) because the writer could not take them")
                .register(metrics);
        failed = Counter.builder("backstrong.set.log.failed")
                .description("Sets the database would not store (answered 500)")
                .register(metrics);
        batchSize = DistributionSummary.builder("backstrong.set.log.batch.size")
                .description("Sets per group commit")
                .register(metrics);
        batchTime = Timer.builder("backstrong.set.log.batch")
                .description("Time a group commit takes, from taking its sets to its answers")
                .register(metrics);
    }

    private static Counter refusedCounter(MeterRegistry metrics, String reason) {
        return Counter.builder("backstrong.set.log.refused")
                .description("Sets refused, by reason")
                .tag("reason", reason)
                .register(metrics);
    }

    /**
     * The reason tag of a refusal: "invalid-field" for a field that does not fit the prescription, "plan-not-active"
     * for every plan status but active, otherwise the refusal's own problem type.
     */
    static String reason(SetRefusal refusal) {
        return switch (refusal.kind()) {
            case NOT_FOUND -> "not-found";
            case INVALID_FIELD -> "invalid-field";
            case CONFLICT, UNPROCESSABLE ->
                refusal.problemType().startsWith("plan-") ? "plan-not-active" : refusal.problemType();
        };
    }

    /** One batch's figures, once it committed. */
    void decided(Tally tally) {
        if (tally.stored > 0) {
            stored.increment(tally.stored);
        }
        if (tally.duplicates > 0) {
            duplicates.increment(tally.duplicates);
        }
        tally.refused.forEach((reason, count) -> refusedFor(reason).increment(count));
    }

    /** A set answered 400 naming a field: by the input checks, or by a batch (which leaves it to this). */
    public void refusedInput() {
        refusedFor("invalid-field").increment();
    }

    void unavailable() {
        unavailable.increment();
    }

    void failed(int sets) {
        if (sets > 0) {
            failed.increment(sets);
        }
    }

    void batch(int sets, long nanos) {
        batchSize.record(sets);
        batchTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Counter refusedFor(String reason) {
        Counter counter = refused.get(reason);
        return counter != null ? counter : refused.get(OTHER);
    }
}
