package org.backstrong.planner.service;

import java.time.LocalDate;
import java.util.List;

/**
 * One patient's 30-day remote-monitoring period (1 starts on their first day with data): the
 * calendar days with data counted, whether the period is over (a running one may still reach a
 * higher threshold), and which rules ({@code first-period-setup}, {@code days-16-to-30},
 * {@code days-2-to-15}, {@code fewer-than-2-days}) gave which codes on which numbers, in words too.
 */
public record RtmRow(
        String patientId,
        String displayName,
        int period,
        LocalDate periodStart,
        LocalDate periodEnd,
        int daysWithData,
        boolean complete,
        List<String> codes,
        List<String> rules,
        String reason) {}
