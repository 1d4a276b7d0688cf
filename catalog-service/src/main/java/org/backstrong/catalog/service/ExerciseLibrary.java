package org.backstrong.catalog.service;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.backstrong.catalog.domain.Categories;
import org.backstrong.catalog.domain.Exercise;
import org.backstrong.catalog.domain.ExerciseAccess;
import org.backstrong.catalog.domain.ExerciseSearch;
import org.backstrong.catalog.domain.Viewer;
import org.backstrong.catalog.repository.ExerciseRepository;
import org.backstrong.catalog.repository.ExerciseVersionRepository;
import org.backstrong.catalog.repository.VocabularyRepository;
import org.backstrong.catalog.repository.VocabularyRepository.Term;

/** Read side of the exercise library, always through the caller's eyes. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ExerciseLibrary {

    private final ExerciseRepository exercises;
    private final ExerciseVersionRepository versions;
    private final VocabularyRepository vocabulary;
    private final ObjectMapper json;

    public ExerciseLibrary(
            ExerciseRepository exercises,
            ExerciseVersionRepository versions,
            VocabularyRepository vocabulary,
            ObjectMapper json) {
        this.exercises = exercises;
        this.versions = versions;
        this.vocabulary = vocabulary;
        this.json = json;
    }

    public record Found(List<ExerciseSummary> items, long total) {}

    public Found search(Viewer viewer, ExerciseSearch search) {
        // The vocabularies are read only for the filters a search uses.
        if (search.region() != null) {
            requireKnown("region", search.region(), vocabulary.ids(Term.REGION));
        }
        if (search.muscle() != null) {
            requireKnown("muscle", search.muscle(), vocabulary.ids(Term.MUSCLE));
        }
        requireKnown("category", search.category(), Set.copyOf(Categories.ALL));
        if (search.equipment() != null) {
            Set<String> known = vocabulary.ids(Term.EQUIPMENT);
            search.equipment().forEach(item -> requireKnown("equipment", item, known));
        }
        ExerciseRepository.SearchPage page = exercises.search(
                search, ExerciseAccess.listedGlobal(viewer), viewer.clinicId(), ExerciseAccess.listedOwnClinic(viewer));
        return new Found(page.items().stream().map(ExerciseDocuments::summary).toList(), page.total());
    }

    public ExerciseDocument get(Viewer viewer, String id) {
        return ExerciseDocuments.document(readable(viewer, id));
    }

    /** A kept version, as it was; readable as long as the exercise is readable, retired or not. */
    public ExerciseDocument version(Viewer viewer, String id, int version) {
        readable(viewer, id);
        String document = versions.find(id, version)
                .orElseThrow(() -> new ExerciseNotFoundException(id + " version " + version))
                .document;
        try {
            return json.readValue(document, ExerciseDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored version " + version + " of " + id + " is unreadable", e);
        }
    }

    public List<Vocabulary> muscles() {
        return vocabulary.list(Term.MUSCLE);
    }

    public List<Vocabulary> equipment() {
        return vocabulary.list(Term.EQUIPMENT);
    }

    public List<Vocabulary> regions() {
        return vocabulary.list(Term.REGION);
    }

    Exercise readable(Viewer viewer, String id) {
        Exercise exercise = exercises.findById(id);
        if (exercise == null || !ExerciseAccess.canRead(viewer, exercise.status, exercise.clinicId)) {
            throw new ExerciseNotFoundException(id);
        }
        return exercise;
    }

    private static void requireKnown(String field, String value, Set<String> known) {
        if (value != null && !known.contains(value)) {
            throw new InvalidInputException(field, "unknown " + field + ": " + value);
        }
    }
}
