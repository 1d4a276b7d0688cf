package org.backstrong.progress.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** progress-service settings under {@code backstrong.*}. */
@ConfigMapping(prefix = "backstrong")
public interface ProgressConfig {

    /** Secret key of the analysts' patient pseudonyms (HMAC-SHA256); BACKSTRONG_PSEUDONYM_KEY, never committed for prod. */
    String pseudonymKey();

    /** Set by deploy/local for every service; progress-service loads no demo data of its own. */
    Optional<Boolean> demoData();

    Outbox outbox();

    Adherence adherence();

    Consumer consumer();

    Clinic clinic();

    /** The clinics' time zones, as planner's pages use them (the same keys): weekends in the STOP-flag alert. */
    interface Clinic {

        /** The time zone (an IANA id) of every clinic without its own. */
        @WithDefault("Europe/Berlin")
        ZoneId timeZone();

        /** A clinic's own time zone by clinic id, e.g. {@code backstrong.clinic.time-zones.clinic-b=Europe/London}. */
        Map<String, ZoneId> timeZones();
    }

    interface Consumer {

        /** First pause before a batch that failed for a passing reason (the database) is tried again. */
        @WithDefault("200ms")
        Duration retryInitialBackoff();

        /** The pause doubles after each failed try up to this; tries go on for as long as the failure lasts. */
        @WithDefault("10s")
        Duration retryMaxBackoff();

        /** After this many failed tries of a whole batch, it is applied one event per transaction. */
        @WithDefault("3")
        int triesBeforeOneByOne();
    }

    interface Outbox {

        /** How often the relay looks for unsent events when no notification woke it. */
        @WithDefault("100ms")
        Duration pollInterval();

        /** Events published per round trip to the database. */
        @WithDefault("500")
        int batchSize();

        /** Waiting this long for the broker's acknowledgement fails the round; the events stay unsent and are retried. */
        @WithDefault("30s")
        Duration sendTimeout();
    }

    interface Adherence {

        /** Under this share of scheduled sessions over the last four weeks, a patient is at risk. */
        @WithDefault("0.5")
        double atRiskBelow();

        /** The longest date range an analyst query may ask for. */
        @WithDefault("730")
        int maxRangeDays();

        /** Analysts see no group of fewer patients than this (k-anonymity; domain/SmallGroups). */
        @WithDefault("5")
        int minimumGroupSize();
    }
}
