package org.backstrong.catalog.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.backstrong.catalog.domain.Exercise;
import org.backstrong.catalog.repository.ExerciseRepository;

import io.quarkus.panache.common.Page;

/** Read side of the exercise library, scoped to what a caller's clinic may see. */
@ApplicationScoped
public class ExerciseLibrary {

    private final ExerciseRepository exercises;

    public ExerciseLibrary(ExerciseRepository exercises) {
        this.exercises = exercises;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Exercise> list(String clinicId, int page, int size) {
        return exercises.visibleTo(clinicId, Page.of(page, size));
    }
}
