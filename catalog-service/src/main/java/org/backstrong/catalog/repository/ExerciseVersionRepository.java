package org.backstrong.catalog.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.backstrong.catalog.domain.ExerciseVersion;

@ApplicationScoped
public class ExerciseVersionRepository implements PanacheRepositoryBase<ExerciseVersion, ExerciseVersion.Key> {

    public Optional<ExerciseVersion> find(String exerciseId, int version) {
        return findByIdOptional(new ExerciseVersion.Key(exerciseId, version));
    }
}
