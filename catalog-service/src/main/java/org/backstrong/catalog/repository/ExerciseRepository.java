package org.backstrong.catalog.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.backstrong.catalog.domain.Exercise;
import org.backstrong.catalog.domain.ExerciseStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ExerciseRepository implements PanacheRepositoryBase<Exercise, String> {

    /** Published global exercises, plus the given clinic's own (any status but retired). */
    public List<Exercise> visibleTo(String clinicId, Page page) {
        return find("(clinicId is null and status = :published)"
                        + " or (clinicId = :clinic and status <> :retired)",
                Sort.by("name").and("id"),
                Parameters.with("published", ExerciseStatus.PUBLISHED)
                        .and("retired", ExerciseStatus.RETIRED)
                        .and("clinic", clinicId == null ? "" : clinicId))
                .page(page)
                .list();
    }
}
