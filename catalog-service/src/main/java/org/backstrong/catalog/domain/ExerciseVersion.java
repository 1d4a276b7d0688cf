package org.backstrong.catalog.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/** One version of an exercise exactly as it was, kept so that a plan referring to it never changes. */
@Entity
@Table(name = "exercise_version")
@IdClass(ExerciseVersion.Key.class)
public class ExerciseVersion {

    @Id
    @Column(name = "exercise_id")
    public String exerciseId;

    @Id
    public int version;

    /** The exercise document (the API's JSON) as of this version. */
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String document;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /** The subject of whoever made the change ("seed" for the shipped library). */
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public static class Key implements Serializable {
        public String exerciseId;
        public int version;

        public Key() {}

        public Key(String exerciseId, int version) {
            this.exerciseId = exerciseId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.version == version && Objects.equals(key.exerciseId, exerciseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(exerciseId, version);
        }
    }
}
