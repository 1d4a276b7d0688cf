package org.backstrong.planner.service;

import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.backstrong.planner.domain.CalendarFeed;
import org.backstrong.planner.domain.CalendarFeedToken;
import org.backstrong.planner.domain.PlanStatus;
import org.backstrong.planner.domain.SessionCalendar;
import org.backstrong.planner.repository.CalendarFeedRepository;
import org.backstrong.planner.repository.PatientRepository;
import org.backstrong.planner.repository.PlanRepository;

/**
 * A patient's private calendar feed of their session days: turned on (a new secret address, shown
 * once), off, and read by whoever holds the address, which is the only credential it takes.
 */
@ApplicationScoped
public class CalendarFeeds {

    private final CalendarFeedRepository feeds;
    private final PatientRepository patients;
    private final PlanRepository plans;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CalendarFeeds(CalendarFeedRepository feeds, PatientRepository patients, PlanRepository plans, Clock clock) {
        this.feeds = feeds;
        this.patients = patients;
        this.plans = plans;
        this.clock = clock;
    }

    /** A feed just turned on: its token, in this answer only. */
    public record Issued(String token, OffsetDateTime createdAt) {}

    /** The feed's address under the service's base address (the token is all it takes to read it). */
    public static String address(URI base, String token) {
        return base.resolve("calendar/" + token + "/sessions.ics").toString();
    }

    /** Whether the patient is enrolled with a clinic (only then is there a feed to turn on). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean enrolled(String patientId) {
        return patients.findByIdOptional(patientId).isPresent();
    }

    /** Whether the token is the patient's feed's current one (not one replaced or turned off since). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isCurrent(String patientId, String token) {
        return CalendarFeedToken.isWellFormed(token)
                && feeds.findByIdOptional(patientId)
                        .map(feed -> MessageDigest.isEqual(feed.tokenHash, CalendarFeedToken.hash(token)))
                        .orElse(false);
    }

    /** The patient's feed, if it is on. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CalendarFeed> of(String patientId) {
        return feeds.findByIdOptional(patientId);
    }

    /** Turns the feed on with a new address; an address given before stops working. 404 for no enrolled patient. */
    @Transactional
    public Issued turnOn(String patientId) {
        if (patients.findByIdOptional(patientId).isEmpty()) {
            throw new NotFoundException("Patient " + patientId);
        }
        String token = CalendarFeedToken.generate(random);
        CalendarFeed feed = feeds.findByIdOptional(patientId).orElseGet(CalendarFeed::new);
        boolean replaced = feed.patientId != null;
        feed.patientId = patientId;
        feed.tokenHash = CalendarFeedToken.hash(token);
        feed.createdAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (!replaced) {
            feeds.persist(feed);
        }
        Log.infof("Calendar feed of patient %s %s", patientId, replaced ? "given a new address" : "turned on");
        return new Issued(token, feed.createdAt);
    }

    /** Turns the feed off: its address answers 404 from now on. Off already is fine. */
    @Transactional
    public void turnOff(String patientId) {
        if (feeds.deleteById(patientId)) {
            Log.infof("Calendar feed of patient %s turned off", patientId);
        }
    }

    /** The iCalendar text of the feed the token opens: every session day of the patient's active plans. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> feed(String token) {
        if (!CalendarFeedToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return feeds.byTokenHash(CalendarFeedToken.hash(token)).map(feed -> {
            List<SessionCalendar.SessionDay> days = plans.ofPatient(feed.patientId).stream()
                    .filter(plan -> plan.status == PlanStatus.ACTIVE)
                    .flatMap(plan -> plan.schedule().sessionDates().stream()
                            .map(date -> new SessionCalendar.SessionDay(plan.id, date)))
                    .sorted(Comparator.comparing(SessionCalendar.SessionDay::date))
                    .toList();
            return SessionCalendar.of(days, clock.instant());
        });
    }
}
