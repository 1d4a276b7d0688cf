package org.backstrong.planner.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A plan template: built in (clinicId null) or a clinic's own. Warm-up items come first. */
@Entity
@Table(name = "template")
public class Template {

    @Id
    public UUID id;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String goal;

    @Column(nullable = false)
    public int weeks;

    @Column(name = "sessions_per_week", nullable = false)
    public int sessionsPerWeek;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @OneToMany(mappedBy = "template", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<TemplateItem> items = new ArrayList<>();
}
