package org.backstrong.catalog.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An exercise of the library: global (clinicId null, curated by admins) or a clinic's own. */
@Entity
@Table(name = "exercise")
public class Exercise {

    @Id
    public String id;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false)
    public String category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> regions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "primary_muscles", nullable = false)
    public List<String> primaryMuscles = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "secondary_muscles", nullable = false)
    public List<String> secondaryMuscles = new ArrayList<>();

    /** Alternatives: any one inner list of equipment is enough to do the exercise. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "equipment_options", nullable = false)
    public List<List<String>> equipmentOptions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> steps = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> cues = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "safety_notes", nullable = false)
    public List<String> safetyNotes = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "dose_kind", nullable = false)
    public DoseKind doseKind;

    @Column(name = "sets_min", nullable = false)
    public int setsMin;

    @Column(name = "sets_max", nullable = false)
    public int setsMax;

    @Column(name = "reps_min")
    public Integer repsMin;

    @Column(name = "reps_max")
    public Integer repsMax;

    @Column(name = "seconds_min")
    public Integer secondsMin;

    @Column(name = "seconds_max")
    public Integer secondsMax;

    @Column(name = "hold_seconds")
    public Integer holdSeconds;

    @Column(name = "per_side", nullable = false)
    public boolean perSide;

    @Column(nullable = false)
    public int difficulty;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "easier_variants", nullable = false)
    public List<String> easierVariants = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "harder_variants", nullable = false)
    public List<String> harderVariants = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "media_links", nullable = false)
    public List<String> mediaLinks = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExerciseStatus status;

    /** Bumped by every change; the ETag, and the number plans refer to. */
    @Version
    @Column(nullable = false)
    public int version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
