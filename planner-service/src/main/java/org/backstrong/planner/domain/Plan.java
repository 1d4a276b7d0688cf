package org.backstrong.planner.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A patient's own plan: a copy of a template, scheduled on weekdays from a start date. */
@Entity
@Table(name = "plan")
public class Plan {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "template_id")
    public UUID templateId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String goal;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(nullable = false)
    public int weeks;

    /** ISO weekdays, 1 = Monday. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<Integer> weekdays = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public int version;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<PlanItem> items = new ArrayList<>();

    public Schedule schedule() {
        return new Schedule(startDate, weeks, weekdays);
    }
}
