package org.backstrong.planner.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.backstrong.planner.catalog.Catalog;
import org.backstrong.planner.catalog.CatalogExercise;
import org.backstrong.planner.domain.DoseKind;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.PlanItem;
import org.backstrong.planner.domain.Prescription;
import org.backstrong.planner.domain.Schedule;
import org.backstrong.planner.repository.LoggedSetRepository;
import org.backstrong.planner.repository.PlanRepository;
import org.backstrong.planner.repository.SessionCompletionRepository;

/** Builds a day's session from the plan's current prescriptions and the catalog version each item refers to. */
@ApplicationScoped
public class Sessions {

    private final PlanRepository plans;
    private final LoggedSetRepository sets;
    private final SessionCompletionRepository completions;
    private final Catalog catalog;

    public Sessions(
            PlanRepository plans, LoggedSetRepository sets, SessionCompletionRepository completions, Catalog catalog) {
        this.plans = plans;
        this.sets = sets;
        this.completions = completions;
        this.catalog = catalog;
    }

    /** The patient's current plan on a date. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionView ofPatient(String patientId, LocalDate date) {
        Plan plan = plans.currentOf(patientId).orElseThrow(() -> new NotFoundException("A current plan"));
        return view(plan, date);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionView view(Plan plan, LocalDate date) {
        Schedule schedule = plan.schedule();
        boolean scheduled = schedule.isSessionDay(date);
        LocalDate next = schedule.sessionDates().stream()
                .filter(d -> !d.isBefore(date))
                .findFirst()
                .orElse(null);
        if (!scheduled) {
            return new SessionView(
                    plan.id,
                    plan.name,
                    plan.status.name().toLowerCase(),
                    date,
                    false,
                    next,
                    schedule.weekOf(date),
                    false,
                    false,
                    null,
                    true,
                    List.of());
        }
        boolean startsLight = schedule.startsLight(date);
        Map<UUID, List<SetView>> logged = sets.ofSession(plan.id, date).stream()
                .collect(
                        Collectors.groupingBy(set -> set.itemId, Collectors.mapping(SetView::of, Collectors.toList())));
        boolean catalogAvailable = true;
        List<SessionView.Item> items = new java.util.ArrayList<>();
        for (PlanItem item : plan.items) {
            CatalogExercise exercise = null;
            if (catalogAvailable) {
                try {
                    exercise = catalog.version(item.exerciseId, item.exerciseVersion, plan.clinicId);
                } catch (RuntimeException e) {
                    // The session stays usable without the how-to text; the page says so.
                    Log.warnf("Catalog unavailable for plan %s session %s: %s", plan.id, date, e.getMessage());
                    catalogAvailable = false;
                }
            }
            items.add(new SessionView.Item(
                    item.id,
                    item.block.label(),
                    item.position,
                    item.exerciseId,
                    item.exerciseVersion,
                    item.exerciseName,
                    exercise == null ? List.of() : exercise.steps(),
                    exercise == null ? List.of() : exercise.safetyNotes(),
                    dose(item.prescription, startsLight),
                    item.paused,
                    item.pauseReason,
                    logged.getOrDefault(item.id, List.of())));
        }
        CompletionView completion =
                completions.find(plan.id, date).map(CompletionView::of).orElse(null);
        return new SessionView(
                plan.id,
                plan.name,
                plan.status.name().toLowerCase(),
                date,
                true,
                next,
                schedule.weekOf(date),
                startsLight,
                completion != null,
                completion,
                catalogAvailable,
                items);
    }

    /** Start light: in the first week, the bottom of each range. */
    static SessionView.Dose dose(Prescription p, boolean startsLight) {
        boolean reps = p.doseKind == DoseKind.REPS;
        return new SessionView.Dose(
                p.doseKind.name().toLowerCase(),
                p.sets,
                reps && startsLight ? p.repsMin : null,
                p.repsMin,
                p.repsMax,
                !reps && startsLight ? p.secondsMin : null,
                p.secondsMin,
                p.secondsMax,
                p.holdSeconds,
                p.perSide,
                p.loadKind.name().toLowerCase(),
                p.loadKg,
                p.band,
                p.restSeconds,
                p.notes);
    }
}
