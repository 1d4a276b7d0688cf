package org.backstrong.operations;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

import io.quarkus.logging.Log;

/**
 * A reading a gauge shows, taken from its source (a query) at most once per period however often it is scraped,
 * and unknown (NaN to Prometheus) while the source fails: rather no figure than a stale one. A failed reading is
 * tried again at the next scrape.
 *
 * @param <T> what one reading gives
 */
public final class CachedReading<T> {

    /** Where a reading comes from; any exception means the figure is unknown now. */
    @FunctionalInterface
    public interface Source<T> {
        T read() throws Exception;
    }

    private final String what;
    private final long reuseForNanos;
    private final Source<T> source;
    private final LongSupplier nanoTime;
    private T last;
    private long readAt;
    private boolean read;

    /**
     * @param what what is read, for the log line when it fails ("Outbox backlog")
     * @param reuseFor how long one reading serves
     */
    public CachedReading(String what, Duration reuseFor, Source<T> source) {
        this(what, reuseFor, source, System::nanoTime);
    }

    CachedReading(String what, Duration reuseFor, Source<T> source, LongSupplier nanoTime) {
        this.what = what;
        this.reuseForNanos = reuseFor.toNanos();
        this.source = source;
        this.nanoTime = nanoTime;
    }

    /** The figure {@code of} the reading, NaN when the source fails. */
    public double figure(ToDoubleFunction<T> of) {
        T reading = reading();
        return reading == null ? Double.NaN : of.applyAsDouble(reading);
    }

    /** The last reading, taken again when older than the period; null when the source fails. */
    public synchronized T reading() {
        long now = nanoTime.getAsLong();
        if (!read || now - readAt > reuseForNanos) {
            try {
                last = source.read();
                readAt = now;
                read = true;
            } catch (Exception e) {
                Log.debugf("%s not read: %s", what, e.getMessage());
                return null;
            }
        }
        return last;
    }
}
