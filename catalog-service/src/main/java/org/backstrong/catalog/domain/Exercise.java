package org.backstrong.catalog.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExerciseStatus status;

    @Column(nullable = false)
    public int version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
