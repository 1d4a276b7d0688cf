package org.backstrong.progress.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.backstrong.progress.config.ProgressConfig;
import org.backstrong.progress.domain.WorkingTime;
import org.backstrong.progress.domain.progression.PainFlagSeverity;
import org.backstrong.progress.repository.PainFlagRepository;

/** How long the longest-waiting open STOP flag has waited for a clinician, in weekday time of its clinic. */
@ApplicationScoped
public class OpenStopFlags {

    private final PainFlagRepository flags;
    private final ProgressConfig.Clinic clinics;
    private final Clock clock;

    public OpenStopFlags(PainFlagRepository flags, ProgressConfig config, Clock clock) {
        this.flags = flags;
        this.clinics = config.clinic();
        this.clock = clock;
    }

    /** Zero when no STOP flag is open. */
    @Transactional
    public Duration longestWait() {
        Duration longest = Duration.ZERO;
        for (Map.Entry<String, Instant> oldest :
                flags.oldestOpenByClinic(PainFlagSeverity.STOP).entrySet()) {
            Duration waited = WorkingTime.between(
                    oldest.getValue(),
                    clock.instant(),
                    clinics.timeZones().getOrDefault(oldest.getKey(), clinics.timeZone()));
            longest = waited.compareTo(longest) > 0 ? waited : longest;
        }
        return longest;
    }
}
