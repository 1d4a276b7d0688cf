package org.backstrong.planner.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.backstrong.planner.domain.CalendarFeed;

@ApplicationScoped
public class CalendarFeedRepository implements PanacheRepositoryBase<CalendarFeed, String> {

    public Optional<CalendarFeed> byTokenHash(byte[] hash) {
        return find("tokenHash", hash).firstResultOptional();
    }
}
