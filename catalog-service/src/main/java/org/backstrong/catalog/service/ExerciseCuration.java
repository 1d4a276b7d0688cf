package org.backstrong.catalog.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;

import org.backstrong.catalog.domain.Exercise;
import org.backstrong.catalog.domain.ExerciseAccess;
import org.backstrong.catalog.domain.ExerciseIds;
import org.backstrong.catalog.domain.ExerciseStatus;
import org.backstrong.catalog.domain.ExerciseVersion;
import org.backstrong.catalog.domain.Viewer;
import org.backstrong.catalog.repository.ExerciseRepository;
import org.backstrong.catalog.repository.ExerciseVersionRepository;
import org.backstrong.catalog.repository.VocabularyRepository;
import org.backstrong.catalog.repository.VocabularyRepository.Term;

/**
 * Write side of the library: clinicians curate their clinic's exercises, admins the global
 * ones. Every change makes a new version and keeps it, so plans referring to older versions
 * never change.
 */
@ApplicationScoped
@Transactional
public class ExerciseCuration {

    private final ExerciseLibrary library;
    private final ExerciseRepository exercises;
    private final ExerciseVersionRepository versions;
    private final VocabularyRepository vocabulary;
    private final ObjectMapper json;
    private final ExerciseIds ids = new ExerciseIds();

    public ExerciseCuration(
            ExerciseLibrary library,
            ExerciseRepository exercises,
            ExerciseVersionRepository versions,
            VocabularyRepository vocabulary,
            ObjectMapper json) {
        this.library = library;
        this.exercises = exercises;
        this.versions = versions;
        this.vocabulary = vocabulary;
        this.json = json;
    }

    /** A clinician's exercise belongs to their clinic and is published for it; an admin's is a global draft. */
    public ExerciseDocument create(Viewer viewer, ExerciseInput input) {
        if (!ExerciseAccess.canCreate(viewer)) {
            throw new CurationDeniedException("A clinician's token must carry a clinic_id");
        }
        if (input.id() != null) {
            // The same answer for every id, taken or not, so that a refusal tells nothing.
            throw new InvalidInputException("id", "is assigned by the server: leave it out");
        }
        String owner = ExerciseAccess.ownerOfNew(viewer);
        String id = freshId(input.name());
        check(viewer, id, input);
        Exercise exercise = new Exercise();
        exercise.id = id;
        exercise.clinicId = owner;
        exercise.status = owner == null ? ExerciseStatus.DRAFT : ExerciseStatus.PUBLISHED;
        // Versions count from 1, as plans and ETags show them.
        exercise.version = 1;
        ExerciseDocuments.apply(input, exercise);
        exercise.updatedAt = OffsetDateTime.now();
        exercises.persist(exercise);
        return kept(exercise, viewer, "created");
    }

    public ExerciseDocument update(Viewer viewer, String id, int expectedVersion, ExerciseInput input) {
        if (input.id() != null && !input.id().equals(id)) {
            throw new InvalidInputException("id", "must be " + id + " (the exercise being edited) or left out");
        }
        Exercise exercise = curatable(viewer, id, expectedVersion);
        check(viewer, id, input);
        ExerciseDocuments.apply(input, exercise);
        exercise.updatedAt = OffsetDateTime.now();
        return kept(exercise, viewer, "edited");
    }

    /** An id no exercise of any clinic has; a clash of the random suffix is drawn again. */
    private String freshId(String name) {
        for (int attempt = 0; attempt < 5; attempt++) {
            String id = ids.next(name);
            if (exercises.findById(id) == null) {
                return id;
            }
        }
        throw new IllegalStateException("No free exercise id after five draws");
    }

    public ExerciseDocument publish(Viewer viewer, String id, Integer expectedVersion) {
        return changeStatus(viewer, id, expectedVersion, ExerciseStatus.PUBLISHED);
    }

    public ExerciseDocument retire(Viewer viewer, String id, Integer expectedVersion) {
        return changeStatus(viewer, id, expectedVersion, ExerciseStatus.RETIRED);
    }

    private ExerciseDocument changeStatus(Viewer viewer, String id, Integer expectedVersion, ExerciseStatus status) {
        Exercise exercise = curatable(viewer, id, expectedVersion);
        if (exercise.status == status) {
            return ExerciseDocuments.document(exercise);
        }
        if (exercise.status == ExerciseStatus.RETIRED) {
            throw new InvalidInputException("status", "a retired exercise stays retired; create a new one");
        }
        exercise.status = status;
        exercise.updatedAt = OffsetDateTime.now();
        return kept(exercise, viewer, status.name().toLowerCase());
    }

    private Exercise curatable(Viewer viewer, String id, Integer expectedVersion) {
        Exercise exercise = library.readable(viewer, id);
        if (!ExerciseAccess.canCurate(viewer, exercise.clinicId)) {
            throw new CurationDeniedException(
                    exercise.clinicId == null
                            ? "Only admins change global exercises"
                            : "Only the clinic's clinicians change its exercises");
        }
        // Asked only of who may change it, so that 428 tells no one else that it exists.
        if (expectedVersion == null) {
            throw new PreconditionRequiredException("Send If-Match with the ETag of the version you are changing");
        }
        if (expectedVersion != exercise.version) {
            throw new StaleVersionException(id, expectedVersion, exercise.version);
        }
        return exercise;
    }

    private void check(Viewer viewer, String id, ExerciseInput input) {
        ExerciseRules.Vocabularies vocabularies = new ExerciseRules.Vocabularies(
                vocabulary.ids(Term.REGION), vocabulary.ids(Term.MUSCLE), vocabulary.ids(Term.EQUIPMENT));
        ExerciseRules.firstViolation(input, vocabularies).ifPresent(violation -> {
            throw new InvalidInputException(violation.field(), violation.message());
        });
        checkVariants("easierVariants", id, ExerciseInput.orEmpty(input.easierVariants()), viewer);
        checkVariants("harderVariants", id, ExerciseInput.orEmpty(input.harderVariants()), viewer);
    }

    private void checkVariants(String field, String id, List<String> variants, Viewer viewer) {
        for (int i = 0; i < variants.size(); i++) {
            String variant = variants.get(i);
            if (variant.equals(id)) {
                throw new InvalidInputException(field + "[" + i + "]", "an exercise is not its own variant");
            }
            try {
                library.readable(viewer, variant);
            } catch (ExerciseNotFoundException e) {
                throw new InvalidInputException(field + "[" + i + "]", "unknown exercise: " + variant);
            }
        }
    }

    /** Flushes so the version is bumped, then keeps this version's document. */
    private ExerciseDocument kept(Exercise exercise, Viewer viewer, String change) {
        exercises.flush();
        ExerciseDocument document = ExerciseDocuments.document(exercise);
        ExerciseVersion version = new ExerciseVersion();
        version.exerciseId = exercise.id;
        version.version = exercise.version;
        version.recordedAt = exercise.updatedAt;
        version.recordedBy = viewer.subject();
        try {
            version.document = json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise exercise " + exercise.id, e);
        }
        versions.persist(version);
        Log.infof(
                "Exercise %s %s, now version %d (clinic %s)",
                exercise.id, change, exercise.version, exercise.clinicId == null ? "global" : exercise.clinicId);
        return document;
    }
}
