package org.backstrong.planner.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import org.backstrong.planner.domain.LoggedSet;

@ApplicationScoped
public class LoggedSetRepository implements PanacheRepositoryBase<LoggedSet, UUID> {

    public List<LoggedSet> ofSession(UUID planId, LocalDate date) {
        return list(
                "planId = :plan and sessionDate = :date",
                Sort.by("setNumber").and("side").and("loggedAt"),
                Parameters.with("plan", planId).and("date", date));
    }

    /**
     * The sets of the latest {@code days} session days of these plans, newest day first; by plan id,
     * so the (plan_id, session_date) index answers it.
     */
    public List<LoggedSet> ofLatestDays(List<UUID> planIds, int days) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        List<LocalDate> latest = getEntityManager()
                .createQuery(
                        "select distinct s.sessionDate from LoggedSet s where s.planId in :plans "
                                + "order by s.sessionDate desc",
                        LocalDate.class)
                .setParameter("plans", planIds)
                .setMaxResults(days)
                .getResultList();
        if (latest.isEmpty()) {
            return List.of();
        }
        return list(
                "planId in :plans and sessionDate >= :since",
                Sort.descending("sessionDate").and("loggedAt"),
                Parameters.with("plans", planIds).and("since", latest.get(latest.size() - 1)));
    }

    public long countOfSession(UUID planId, LocalDate date) {
        return count(
                "planId = :plan and sessionDate = :date",
                Parameters.with("plan", planId).and("date", date));
    }

    /** Every set of these plans, by session day, exercise and set (the FHIR export's observations). */
    public List<LoggedSet> ofPlans(List<UUID> planIds) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        return list(
                "planId in :plans",
                Sort.by("sessionDate")
                        .and("itemId")
                        .and("setNumber")
                        .and("side")
                        .and("loggedAt"),
                Parameters.with("plans", planIds));
    }
}
