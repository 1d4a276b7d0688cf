package org.backstrong.planner.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.backstrong.planner.domain.OutboxEvent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {
}
