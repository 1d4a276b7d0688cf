package org.backstrong.catalog.repository;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.backstrong.catalog.service.Vocabulary;

/** The controlled vocabularies: body regions, muscles and equipment, kept in their own tables. */
@ApplicationScoped
public class VocabularyRepository {

    /** The vocabulary tables; the only names ever put into SQL here. */
    public enum Term {
        REGION("body_region"),
        MUSCLE("muscle"),
        EQUIPMENT("equipment");

        private final String table;

        Term(String table) {
            this.table = table;
        }
    }

    private final EntityManager entityManager;

    public VocabularyRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<Vocabulary> list(Term term) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT id, name FROM " + term.table + " ORDER BY name")
                .getResultList();
        return rows.stream()
                .map(row -> new Vocabulary((String) row[0], (String) row[1]))
                .toList();
    }

    public Set<String> ids(Term term) {
        return list(term).stream().map(Vocabulary::id).collect(Collectors.toSet());
    }
}
