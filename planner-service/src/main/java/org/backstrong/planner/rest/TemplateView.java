package org.backstrong.planner.rest;

import java.util.List;
import java.util.UUID;

import org.backstrong.planner.domain.Template;
import org.backstrong.planner.service.PrescriptionBody;

/** A template with its items, warm-up first. */
public record TemplateView(
        UUID id, String name, String goal, int weeks, int sessionsPerWeek, boolean builtIn, List<Item> items) {

    public record Item(
            UUID id,
            String block,
            int position,
            String exerciseId,
            int exerciseVersion,
            String exerciseName,
            PrescriptionBody prescription) {}

    public static TemplateView of(Template template) {
        return new TemplateView(
                template.id,
                template.name,
                template.goal,
                template.weeks,
                template.sessionsPerWeek,
                template.clinicId == null,
                template.items.stream()
                        .map(item -> new Item(
                                item.id,
                                item.block.label(),
                                item.position,
                                item.exerciseId,
                                item.exerciseVersion,
                                item.exerciseName,
                                PrescriptionBody.of(item.prescription)))
                        .toList());
    }
}
