package org.backstrong.planner.service;

import java.time.LocalDate;
import java.util.List;

/**
 * The remote-monitoring periods of a clinic's patients that overlap {@code from..to}, days counted
 * in the clinic's time zone; periods ending before {@code today} (in that zone) are complete.
 */
public record RtmReport(
        String clinicId, String timeZone, LocalDate from, LocalDate to, LocalDate today, List<RtmRow> rows) {}
