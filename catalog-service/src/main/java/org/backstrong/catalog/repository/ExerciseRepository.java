package org.backstrong.catalog.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.backstrong.catalog.domain.Exercise;
import org.backstrong.catalog.domain.ExerciseSearch;
import org.backstrong.catalog.domain.ExerciseStatus;

@ApplicationScoped
public class ExerciseRepository implements PanacheRepositoryBase<Exercise, String> {

    private static final Map<String, String> ORDER = Map.of(
            "name", "e.name, e.id",
            "-name", "e.name DESC, e.id",
            "difficulty", "e.difficulty, e.name, e.id",
            "-difficulty", "e.difficulty DESC, e.name, e.id",
            "id", "e.id",
            "-id", "e.id DESC");

    /** One page of a search among the exercises with the given visibility, and the total count. */
    public SearchPage search(
            ExerciseSearch search,
            Set<ExerciseStatus> globalStatuses,
            String clinicId,
            Set<ExerciseStatus> clinicStatuses) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new java.util.HashMap<>();
        where.add("((e.clinic_id IS NULL AND e.status = ANY(string_to_array(:globalStatuses, ',')))"
                + " OR (e.clinic_id = :clinic AND e.status = ANY(string_to_array(:clinicStatuses, ','))))");
        parameters.put("globalStatuses", names(globalStatuses));
        parameters.put("clinic", clinicId == null ? "" : clinicId);
        parameters.put("clinicStatuses", names(clinicStatuses));
        if (search.text() != null) {
            where.add("(e.name ILIKE :text OR e.summary ILIKE :text OR array_to_string(e.steps, ' ') ILIKE :text"
                    + " OR array_to_string(e.cues, ' ') ILIKE :text)");
            parameters.put(
                    "text",
                    "%"
                            + search.text()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        if (search.region() != null) {
            where.add(":region = ANY(e.regions)");
            parameters.put("region", search.region());
        }
        if (search.muscle() != null) {
            where.add("(:muscle = ANY(e.primary_muscles) OR :muscle = ANY(e.secondary_muscles))");
            parameters.put("muscle", search.muscle());
        }
        if (search.category() != null) {
            where.add("e.category = :category");
            parameters.put("category", search.category());
        }
        if (search.equipment() != null) {
            // Some alternative whose every item is at hand ("none" always is).
            where.add("EXISTS (SELECT 1 FROM jsonb_array_elements(e.equipment_options) option"
                    + " WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(option) item"
                    + " WHERE item <> 'none' AND NOT item = ANY(string_to_array(:equipment, ','))))");
            parameters.put("equipment", String.join(",", search.equipment()));
        }
        String condition = String.join(" AND ", where);
        Query count = getEntityManager().createNativeQuery("SELECT count(*) FROM exercise e WHERE " + condition);
        Query page = getEntityManager()
                .createNativeQuery(
                        "SELECT e.* FROM exercise e WHERE " + condition + " ORDER BY " + ORDER.get(search.sort()),
                        Exercise.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            page.setParameter(name, value);
        });
        page.setFirstResult(search.page() * search.size());
        page.setMaxResults(search.size());
        @SuppressWarnings("unchecked")
        List<Exercise> items = page.getResultList();
        return new SearchPage(items, ((Number) count.getSingleResult()).longValue());
    }

    private static String names(Set<ExerciseStatus> statuses) {
        return statuses.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    public record SearchPage(List<Exercise> items, long total) {}
}
