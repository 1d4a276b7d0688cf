package org.backstrong.planner.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.backstrong.planner.domain.ClinicQuestionnaire;
import org.backstrong.planner.domain.Measure;

@ApplicationScoped
public class ClinicQuestionnaireRepository
        implements PanacheRepositoryBase<ClinicQuestionnaire, ClinicQuestionnaire.Key> {

    public Optional<ClinicQuestionnaire> of(String clinicId, Measure measure) {
        return findByIdOptional(new ClinicQuestionnaire.Key(clinicId, measure));
    }
}
