package org.backstrong.planner.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import org.backstrong.planner.domain.Template;

@ApplicationScoped
public class TemplateRepository implements PanacheRepositoryBase<Template, UUID> {

    /** Built-in templates and the clinic's own. */
    public List<Template> offeredTo(String clinicId) {
        return list(
                "clinicId is null or clinicId = :clinic",
                Sort.by("name").and("id"),
                Parameters.with("clinic", clinicId));
    }

    public Optional<Template> offeredTo(UUID id, String clinicId) {
        return findByIdOptional(id).filter(t -> t.clinicId == null || t.clinicId.equals(clinicId));
    }
}
