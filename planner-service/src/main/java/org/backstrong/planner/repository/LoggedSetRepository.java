package org.backstrong.planner.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.backstrong.planner.domain.LoggedSet;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class LoggedSetRepository implements PanacheRepositoryBase<LoggedSet, UUID> {

    public List<LoggedSet> ofSession(UUID planId, LocalDate date) {
        return list("planId = :plan and sessionDate = :date", Sort.by("setNumber").and("side").and("loggedAt"),
                Parameters.with("plan", planId).and("date", date));
    }

    public long countOfSession(UUID planId, LocalDate date) {
        return count("planId = :plan and sessionDate = :date", Parameters.with("plan", planId).and("date", date));
    }
}
