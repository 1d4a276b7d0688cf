package org.backstrong.planner.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The wording of a licensed measure (ODI) that a clinic loaded: Backstrong never ships it. */
@Entity
@Table(name = "clinic_questionnaire")
public class ClinicQuestionnaire {

    /** A clinic and a measure. */
    @Embeddable
    public record Key(
            @Column(name = "clinic_id") String clinicId,

            @Enumerated(EnumType.STRING) @Column(name = "measure")
            Measure measure) {}

    @EmbeddedId
    public Key key;

    /** The FHIR Questionnaire as loaded. */
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String questionnaire;

    /** Its url|version. */
    @Column(nullable = false)
    public String canonical;

    /** The linkIds of its sections, in order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> sections = new ArrayList<>();

    @Column(name = "loaded_by", nullable = false)
    public String loadedBy;

    @Column(name = "loaded_at", nullable = false)
    public OffsetDateTime loadedAt;
}
