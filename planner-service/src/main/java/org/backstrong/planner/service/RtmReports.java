package org.backstrong.planner.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.backstrong.planner.config.ClinicZones;
import org.backstrong.planner.domain.RtmBillingRule;
import org.backstrong.planner.domain.RtmPeriods;
import org.backstrong.planner.repository.RtmRepository;

/**
 * The remote-therapeutic-monitoring report: per patient of the clinic and 30-day period, the
 * days with data and the codes the billing thresholds give. Backstrong counts days; what is billed
 * is the clinic's decision.
 */
@ApplicationScoped
public class RtmReports {

    /** The longest range one report covers: a year and a day, enough for any billing month or quarter. */
    public static final int MAX_RANGE_DAYS = 366;

    private final RtmRepository repository;
    private final ClinicZones zones;
    private final Clock clock;

    public RtmReports(RtmRepository repository, ClinicZones zones, Clock clock) {
        this.repository = repository;
        this.zones = zones;
        this.clock = clock;
    }

    /** A report's days: both given, or blank (to: today in the clinic's zone; from: 29 days before to). */
    public record Range(LocalDate from, LocalDate to) {}

    /** The range as sent, or a 400 naming {@code from} or {@code to}. */
    public Range range(String clinicId, String fromText, String toText) {
        LocalDate to = blank(toText) ? today(clinicId) : DateParameter.parse("to", toText.strip());
        LocalDate from = blank(fromText) ? to.minusDays(29) : DateParameter.parse("from", fromText.strip());
        if (from.isAfter(to)) {
            throw new InvalidInputException("to", "must be on or after from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw new InvalidInputException(
                    "from", "must be at most " + MAX_RANGE_DAYS + " days before to (" + to + ")");
        }
        return new Range(from, to);
    }

    /** Every period of the clinic's patients that overlaps the range, by patient name and period. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RtmReport ofClinic(String clinicId, Range range) {
        ZoneId zone = zones.zoneOf(clinicId);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<RtmRow> rows = new ArrayList<>();
        for (RtmRepository.PatientDays patient : repository.ofClinic(clinicId, zone)) {
            rows.addAll(rows(patient, range, today));
        }
        Log.infof("RTM report of clinic %s, %s to %s: %d periods", clinicId, range.from(), range.to(), rows.size());
        return new RtmReport(clinicId, zone.getId(), range.from(), range.to(), today, rows);
    }

    /** One patient of the clinic, every period from their first day with data to today; 404 for anyone else's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RtmReport ofPatient(String clinicId, String patientId) {
        ZoneId zone = zones.zoneOf(clinicId);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        RtmRepository.PatientDays patient = repository.ofPatient(clinicId, patientId, zone).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Patient " + patientId));
        LocalDate first = patient.days().isEmpty() ? today : patient.days().first();
        Range all = new Range(first.isAfter(today) ? today : first, today);
        return new RtmReport(clinicId, zone.getId(), all.from(), all.to(), today, rows(patient, all, today));
    }

    private static List<RtmRow> rows(RtmRepository.PatientDays patient, Range range, LocalDate today) {
        // No period starts after today: the days a report counts have happened.
        LocalDate until = range.to().isAfter(today) ? today : range.to();
        return RtmPeriods.of(patient.days(), until).stream()
                .filter(period -> period.overlaps(range.from(), range.to()))
                .map(period -> {
                    RtmBillingRule.Decision decision = RtmBillingRule.decide(period.number(), period.daysWithData());
                    return new RtmRow(
                            patient.patientId(),
                            patient.displayName(),
                            period.number(),
                            period.start(),
                            period.end(),
                            period.daysWithData(),
                            period.isOver(today),
                            decision.codes(),
                            decision.rules(),
                            decision.reason());
                })
                .toList();
    }

    private LocalDate today(String clinicId) {
        return LocalDate.now(clock.withZone(zones.zoneOf(clinicId)));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
