package org.backstrong.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CachedReadingTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void readsOncePerPeriodHoweverOftenAsked() {
        CachedReading<Integer> reading =
                new CachedReading<>("Figure", Duration.ofSeconds(30), reads::incrementAndGet, now::get);

        assertEquals(1.0, reading.figure(Integer::doubleValue));
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertEquals(1.0, reading.figure(Integer::doubleValue));
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertEquals(2.0, reading.figure(Integer::doubleValue));
        assertEquals(2, reads.get());
    }

    @Test
    void isUnknownWhileTheSourceFailsAndReadsAgainAtTheNextAsk() {
        AtomicInteger failures = new AtomicInteger(2);
        CachedReading<Integer> reading = new CachedReading<>(
                "Figure",
                Duration.ofSeconds(30),
                () -> {
                    if (failures.getAndDecrement() > 0) {
                        throw new SQLException("connection refused");
                    }
                    return 7;
                },
                now::get);

        assertTrue(Double.isNaN(reading.figure(Integer::doubleValue)));
        assertTrue(Double.isNaN(reading.figure(Integer::doubleValue)));
        assertEquals(7.0, reading.figure(Integer::doubleValue));
    }

    @Test
    void aFailureAfterAGoodReadingGivesNoStaleFigure() {
        AtomicInteger calls = new AtomicInteger();
        CachedReading<Integer> reading = new CachedReading<>(
                "Figure",
                Duration.ofSeconds(1),
                () -> {
                    if (calls.incrementAndGet() == 2) {
                        throw new IllegalStateException("database down");
                    }
                    return calls.get();
                },
                now::get);

        assertEquals(1.0, reading.figure(Integer::doubleValue));
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertTrue(Double.isNaN(reading.figure(Integer::doubleValue)));
        assertEquals(3.0, reading.figure(Integer::doubleValue));
    }
}
