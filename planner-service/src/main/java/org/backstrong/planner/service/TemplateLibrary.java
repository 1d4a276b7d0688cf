package org.backstrong.planner.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.backstrong.planner.catalog.Catalog;
import org.backstrong.planner.catalog.CatalogExercise;
import org.backstrong.planner.domain.Block;
import org.backstrong.planner.domain.Template;
import org.backstrong.planner.domain.TemplateItem;
import org.backstrong.planner.repository.TemplateRepository;

/** Plan templates: the built-in ones and each clinic's own, built from published catalog exercises. */
@ApplicationScoped
public class TemplateLibrary {

    /** The article's warm-up: 5–10 minutes of light cardio, then band pull-aparts. */
    static final List<TemplateInput.Item> STANDARD_WARM_UP = List.of(
            new TemplateInput.Item(
                    "warm-up",
                    "light-cardio",
                    new PrescriptionBody(
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            "bodyweight",
                            null,
                            null,
                            0,
                            null,
                            null,
                            null)),
            new TemplateInput.Item(
                    "warm-up",
                    "band-pull-apart",
                    new PrescriptionBody(
                            null, null, null, null, null, null, null, null, null, "band", null, "yellow", 30, null,
                            null, null)));

    private final TemplateRepository templates;
    private final Catalog catalog;

    public TemplateLibrary(TemplateRepository templates, Catalog catalog) {
        this.templates = templates;
        this.catalog = catalog;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Template> list(String clinicId) {
        List<Template> offered = templates.offeredTo(clinicId);
        offered.forEach(template -> template.items.size());
        return offered;
    }

    /** The names of these templates (whoever's they are), by id; an id no template has is left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, String> names(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return templates.list("id in ?1", ids).stream()
                .collect(Collectors.toMap(template -> template.id, template -> template.name));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Template get(UUID id, String clinicId) {
        Template template =
                templates.offeredTo(id, clinicId).orElseThrow(() -> new NotFoundException("Template " + id));
        template.items.size();
        return template;
    }

    /**
     * A clinic's template. Each exercise must be published in the catalog (422 naming it
     * otherwise); the plan refers to the version it had today.
     */
    @Transactional
    public Template create(String clinicId, String clinician, TemplateInput input) {
        List<TemplateInput.Item> items = new ArrayList<>(input.items());
        boolean hasWarmUp = items.stream().anyMatch(item -> "warm-up".equals(item.block()));
        int offset = hasWarmUp ? 0 : STANDARD_WARM_UP.size();
        Template template = new Template();
        template.id = UUID.randomUUID();
        template.clinicId = clinicId;
        template.name = input.name().trim();
        template.goal = input.goal().trim();
        template.weeks = input.weeks();
        template.sessionsPerWeek = input.sessionsPerWeek();
        template.createdBy = clinician;
        template.createdAt = OffsetDateTime.now();
        List<TemplateItem> built = new ArrayList<>();
        if (!hasWarmUp) {
            for (TemplateInput.Item warmUp : STANDARD_WARM_UP) {
                built.add(item(template, warmUp, clinicId, "warm-up"));
            }
        }
        for (int i = 0; i < items.size(); i++) {
            built.add(item(template, items.get(i), clinicId, "items[" + i + "]"));
        }
        // Warm-up first, otherwise in the order given.
        built.sort(Comparator.comparing((TemplateItem item) -> item.block == Block.WARM_UP ? 0 : 1));
        for (int position = 0; position < built.size(); position++) {
            built.get(position).position = position + 1;
        }
        template.items.addAll(built);
        templates.persist(template);
        Log.infof(
                "Template %s created for clinic %s with %d items (%d standard warm-up)",
                template.id, clinicId, built.size(), offset);
        return template;
    }

    private TemplateItem item(Template template, TemplateInput.Item input, String clinicId, String field) {
        CatalogExercise exercise = catalog.current(input.exerciseId(), clinicId)
                .orElseThrow(() -> new InvalidInputException(
                        422,
                        "unknown-exercise",
                        field + ".exerciseId",
                        "The catalog has no exercise " + input.exerciseId()));
        if (!exercise.published()) {
            throw new InvalidInputException(
                    422,
                    "exercise-not-published",
                    field + ".exerciseId",
                    "Exercise " + input.exerciseId() + " is " + exercise.status() + " in the catalog");
        }
        TemplateItem item = new TemplateItem();
        item.id = UUID.randomUUID();
        item.template = template;
        item.block = "warm-up".equals(input.block()) ? Block.WARM_UP : Block.MAIN;
        item.exerciseId = exercise.id();
        item.exerciseVersion = exercise.version();
        item.exerciseName = exercise.name();
        item.prescription = Prescriptions.fromCatalog(input.prescription(), exercise, field + ".prescription");
        return item;
    }
}
