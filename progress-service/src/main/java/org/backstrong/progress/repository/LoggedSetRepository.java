package org.backstrong.progress.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.backstrong.progress.domain.LoggedSet;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class LoggedSetRepository implements PanacheRepositoryBase<LoggedSet, UUID> {

    public List<LoggedSet> ofSession(UUID planId, LocalDate sessionDate) {
        return list("planId = ?1 and sessionDate = ?2", Sort.by("loggedAt").and("setNumber"), planId, sessionDate);
    }

    /** The first set of the latest session day before {@code date}: the pre-session pain level. */
    public Optional<LoggedSet> firstOfLatestSessionBefore(String patientId, LocalDate date) {
        return find("patientId = ?1 and sessionDate = (select max(s.sessionDate) from LoggedSet s "
                + "where s.patientId = ?1 and s.sessionDate < ?2)", Sort.by("loggedAt").and("setNumber"), patientId, date)
                .firstResultOptional();
    }

    public List<LoggedSet> ofPatient(String patientId, LocalDate from, LocalDate to) {
        return list("patientId = ?1 and sessionDate between ?2 and ?3",
                Sort.by("sessionDate").and("loggedAt").and("setNumber"), patientId, from, to);
    }
}
