package org.backstrong.planner.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.backstrong.planner.catalog.Catalog;
import org.backstrong.planner.catalog.CatalogExercise;
import org.backstrong.planner.domain.Block;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.PlanItem;

/**
 * What a printed plan is made of besides the plan: whose it is, the how-to of the catalog version
 * each exercise refers to, and the day it is printed. The pages word it.
 */
@ApplicationScoped
public class PlanPrinting {

    private final PatientRegistry patients;
    private final Catalog catalog;
    private final Clock clock;

    public PlanPrinting(PatientRegistry patients, Catalog catalog, Clock clock) {
        this.patients = patients;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * The plan and its how-to; {@code patientName} only on a clinician's copy, {@code howTo} by item
     * id and empty when the catalog could not be read ({@code catalogAvailable} false).
     */
    public record Contents(
            Plan plan,
            String patientName,
            boolean catalogAvailable,
            Map<UUID, CatalogExercise> howTo,
            LocalDate printedOn) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public Contents of(Plan plan, boolean clinicianCopy) {
        String patientName = clinicianCopy ? patients.get(plan.clinicId, plan.patientId).displayName : null;
        Map<UUID, CatalogExercise> howTo = new HashMap<>();
        boolean catalogAvailable = true;
        // Warm-up first, as the printout reads, so a failing catalog is met in the same order as before.
        for (PlanItem item : inPrintedOrder(plan)) {
            try {
                howTo.put(item.id, catalog.version(item.exerciseId, item.exerciseVersion, plan.clinicId));
            } catch (RuntimeException e) {
                // The plan still prints, without the how-to text; the page says so.
                Log.warnf("Catalog unavailable while printing plan %s: %s", plan.id, e.getMessage());
                catalogAvailable = false;
                break;
            }
        }
        Log.infof(
                "Plan %s printed (%s copy, catalog %s)",
                plan.id, clinicianCopy ? "clinician" : "patient", catalogAvailable ? "available" : "unavailable");
        return new Contents(
                plan, patientName, catalogAvailable, catalogAvailable ? howTo : Map.of(), LocalDate.now(clock));
    }

    private static List<PlanItem> inPrintedOrder(Plan plan) {
        List<PlanItem> items = new ArrayList<>(
                plan.items.stream().filter(item -> item.block == Block.WARM_UP).toList());
        items.addAll(
                plan.items.stream().filter(item -> item.block != Block.WARM_UP).toList());
        return items;
    }
}
