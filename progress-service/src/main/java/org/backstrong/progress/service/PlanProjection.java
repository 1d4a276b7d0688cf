package org.backstrong.progress.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;

import org.backstrong.progress.domain.AdherenceChange;
import org.backstrong.progress.domain.PatientPlan;
import org.backstrong.progress.domain.PlanSchedule;
import org.backstrong.progress.event.PlanItemData;
import org.backstrong.progress.event.PlanSnapshot;
import org.backstrong.progress.event.PlanStatusChanged;
import org.backstrong.progress.repository.AdherenceProjection;
import org.backstrong.progress.repository.PlanRepository;

/**
 * Each patient's plan as the plan events describe it, and what it schedules for adherence: every
 * change of items or status moves the scheduled sessions and sets from the day it takes effect.
 */
@ApplicationScoped
public class PlanProjection {

    private static final TypeReference<List<PlanItemData>> ITEMS = new TypeReference<>() {};

    private final PlanRepository plans;
    private final AdherenceProjection adherence;
    private final ObjectMapper json;

    public PlanProjection(PlanRepository plans, AdherenceProjection adherence, ObjectMapper json) {
        this.plans = plans;
        this.adherence = adherence;
        this.json = json;
    }

    /**
     * PlanAssigned and PlanChanged: the snapshot replaces what we knew. A new plan schedules from
     * its start; a change from the day it happened.
     */
    /** @return the plan as it stands now, and whether we knew it before */
    @Transactional(Transactional.TxType.MANDATORY)
    public PatientPlan snapshot(PlanSnapshot plan, OffsetDateTime at) {
        PatientPlan known = plans.findById(plan.planId());
        PlanSchedule before = known == null ? null : schedule(known);
        LocalDate from = known == null ? plan.startDate() : at.toLocalDate();
        PatientPlan current = known == null ? new PatientPlan() : known;
        current.planId = plan.planId();
        current.patientId = plan.patientId();
        current.clinicId = plan.clinicId();
        current.templateId =
                plan.templateId() == null ? null : plan.templateId().toString();
        current.name = plan.name();
        current.startDate = plan.startDate();
        current.weeks = plan.weeks();
        current.weekdays = plan.weekdays().stream().map(String::valueOf).collect(Collectors.joining(","));
        current.status = plan.status();
        current.items = write(plan.items());
        current.startingItems = write(withNewItems(known == null ? List.of() : startingItems(known), plan.items()));
        current.updatedAt = at;
        if (known == null) {
            plans.persist(current);
        }
        rescheduled(current, before, from);
        return current;
    }

    /**
     * PlanPaused, PlanResumed, PlanEnded: the plan schedules nothing (or again) from the event's date.
     *
     * @return false, changing nothing, when the plan is not known
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean status(PlanStatusChanged change, String newStatus, OffsetDateTime at) {
        PatientPlan plan = plans.findById(change.planId());
        if (plan == null) {
            Log.warnf(
                    "Plan %s of patient %s is not known; its status change is refused",
                    change.planId(), change.patientId());
            return false;
        }
        PlanSchedule before = schedule(plan);
        plan.status = newStatus;
        plan.updatedAt = at;
        // An ended plan schedules nothing after its last day; paused and resumed change from the day itself.
        rescheduled(
                plan,
                before,
                PatientPlan.COMPLETED.equals(newStatus) ? change.date().plusDays(1) : change.date());
        return true;
    }

    /** A progression changed one item's prescription, from the day after the session. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceItem(PatientPlan plan, PlanItemData item, LocalDate from) {
        PlanSchedule before = schedule(plan);
        plan.items = write(items(plan).stream()
                .map(known -> known.itemId().equals(item.itemId()) ? item : known)
                .toList());
        plan.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        rescheduled(plan, before, from);
    }

    public List<PlanItemData> items(PatientPlan plan) {
        return read(plan, plan.items);
    }

    /** Each item as it first entered the plan: its first-week dose, the floor of a step back. */
    public List<PlanItemData> startingItems(PatientPlan plan) {
        return read(plan, plan.startingItems);
    }

    /** The items we knew from the start, and any item seen for the first time as it is now. */
    private static List<PlanItemData> withNewItems(List<PlanItemData> starting, List<PlanItemData> now) {
        Set<UUID> known = starting.stream().map(PlanItemData::itemId).collect(Collectors.toSet());
        List<PlanItemData> all = new ArrayList<>(starting);
        now.stream().filter(item -> !known.contains(item.itemId())).forEach(all::add);
        return all;
    }

    private List<PlanItemData> read(PatientPlan plan, String items) {
        try {
            return json.readValue(items, ITEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Plan " + plan.planId + " has unreadable items", e);
        }
    }

    public PlanSchedule schedule(PatientPlan plan) {
        Map<String, Integer> sets = new HashMap<>();
        items(plan).stream()
                .filter(item -> !item.paused())
                .forEach(item -> sets.merge(
                        item.exerciseId(), EventPrescriptions.of(item).setsToLog(), Integer::sum));
        Set<Integer> weekdays = Arrays.stream(plan.weekdays.split(","))
                .filter(day -> !day.isBlank())
                .map(Integer::valueOf)
                .collect(Collectors.toSet());
        return new PlanSchedule(plan.startDate, plan.weeks, weekdays, PatientPlan.ACTIVE.equals(plan.status), sets);
    }

    private void rescheduled(PatientPlan plan, PlanSchedule before, LocalDate from) {
        Map<LocalDate, AdherenceChange.DayDelta> days = AdherenceChange.daysBetween(before, schedule(plan), from);
        Map<LocalDate, AdherenceChange.WeekDelta> deltas = AdherenceChange.byWeek(days);
        adherence.addScheduled(plan.patientId, plan.clinicId, plan.templateId, deltas.values(), days.values());
        Log.debugf(
                "Plan %s of patient %s rescheduled from %s: %d weeks changed",
                plan.planId, plan.patientId, from, deltas.size());
    }

    private String write(List<PlanItemData> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Plan items could not be written", e);
        }
    }
}
