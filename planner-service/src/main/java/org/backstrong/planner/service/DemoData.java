package org.backstrong.planner.service;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

import org.backstrong.planner.config.PlannerConfig;
import org.backstrong.planner.domain.Author;
import org.backstrong.planner.domain.Measure;
import org.backstrong.planner.domain.Occasion;
import org.backstrong.planner.domain.OutcomeSchedule;
import org.backstrong.planner.domain.OutcomeScoring;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.repository.DemoPatientRepository;
import org.backstrong.planner.repository.PlanRepository;

/**
 * Loads the demo patients at start-up when the running system asks for demo data, and gives
 * paul, petra, pete, priya and pablo the built-in plan from this week's Monday (paul every day, so
 * a demo always has a session; petra Monday, Wednesday, Friday; the others on other days): five
 * patients of clinic-a, as many as an analyst's group needs to be shown; and paul's RMDQ at the
 * baseline (and the first follow-up once his plan is old enough). Idempotent: what exists is left alone.
 */
@ApplicationScoped
public class DemoData {

    static final UUID BUILT_IN_TEMPLATE = UUID.fromString("00000000-0000-4000-8000-000000000b04");
    static final String PAUL = "22222222-2222-4222-8222-000000000001";
    static final Map<String, List<Integer>> DEMO_PLANS = Map.of(
            "22222222-2222-4222-8222-000000000001", List.of(1, 2, 3, 4, 5, 6, 7),
            "22222222-2222-4222-8222-000000000002", List.of(1, 3, 5),
            "22222222-2222-4222-8222-000000000004", List.of(2, 4, 6),
            "22222222-2222-4222-8222-000000000005", List.of(1, 4),
            "22222222-2222-4222-8222-000000000006", List.of(3, 6, 7));

    private final PlannerConfig config;
    private final DemoPatientRepository demoPatients;
    private final PlanRepository plans;
    private final Plans planning;
    private final OutcomeMeasures outcomes;

    public DemoData(
            PlannerConfig config,
            DemoPatientRepository demoPatients,
            PlanRepository plans,
            Plans planning,
            OutcomeMeasures outcomes) {
        this.config = config;
        this.demoPatients = demoPatients;
        this.plans = plans;
        this.planning = planning;
        this.outcomes = outcomes;
    }

    @Transactional
    void load(@Observes StartupEvent startup) {
        if (!config.demoData()) {
            return;
        }
        int rows = demoPatients.addMissing();
        Log.infof("Demo data: %d demo patients added", rows);
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        DEMO_PLANS.forEach((patientId, weekdays) -> {
            if (plans.ofPatient(patientId).isEmpty()) {
                planning.assign(
                        "clinic-a",
                        new Author("demo-data", "demo data"),
                        patientId,
                        new AssignmentInput(BUILT_IN_TEMPLATE, monday, weekdays));
            }
        });
        plans.currentOf(PAUL).ifPresent(this::paulsRmdq);
    }

    /**
     * Paul's RMDQ at the baseline (14 of 24 statements), and at the first follow-up (9: the 5 points of a
     * clinically important improvement) once his plan is two weeks old. Under fixed ids: a restart adds nothing.
     */
    private void paulsRmdq(Plan plan) {
        LocalDate today = LocalDate.now();
        OutcomeSchedule.of(plan.schedule()).occasions().stream()
                .filter(due ->
                        due.occasion() != Occasion.END_OF_PLAN && !due.dueOn().isAfter(today))
                .limit(2)
                .forEach(due -> {
                    int ticked = due.occasion() == Occasion.BASELINE ? 14 : 9;
                    Map<String, JsonNode> answers = new LinkedHashMap<>();
                    for (int statement = 1; statement <= OutcomeScoring.RMDQ_STATEMENTS; statement++) {
                        answers.put("rmdq-" + statement, BooleanNode.valueOf(statement <= ticked));
                    }
                    UUID id = UUID.nameUUIDFromBytes(
                            ("demo rmdq " + plan.id + " " + due.dueOn()).getBytes(StandardCharsets.UTF_8));
                    try {
                        outcomes.submit(
                                PAUL,
                                new OutcomeInput(id, plan.id, Measure.RMDQ, due.occasion(), due.dueOn(), answers),
                                due.dueOn());
                    } catch (ConflictException answeredByPaul) {
                        Log.infof("Demo data: Paul's RMDQ of %s is answered already", due.dueOn());
                    }
                });
    }
}
