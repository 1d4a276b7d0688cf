package org.backstrong.catalog.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.backstrong.catalog.domain.ExerciseVersion;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ExerciseVersionRepository implements PanacheRepositoryBase<ExerciseVersion, ExerciseVersion.Key> {

    public Optional<ExerciseVersion> find(String exerciseId, int version) {
        return findByIdOptional(new ExerciseVersion.Key(exerciseId, version));
    }
}
