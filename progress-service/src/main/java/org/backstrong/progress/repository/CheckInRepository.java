package org.backstrong.progress.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import org.backstrong.progress.domain.MorningCheckIn;

@ApplicationScoped
public class CheckInRepository implements PanacheRepositoryBase<MorningCheckIn, UUID> {

    /** The latest check-in dated on or before {@code date}. */
    public Optional<MorningCheckIn> latestUpTo(String patientId, LocalDate date) {
        return find(
                        "patientId = ?1 and date <= ?2",
                        Sort.descending("date").and("loggedAt", Sort.Direction.Descending),
                        patientId,
                        date)
                .firstResultOptional();
    }

    /** The latest check-in dated before {@code date}. */
    public Optional<MorningCheckIn> latestBefore(String patientId, LocalDate date) {
        return find(
                        "patientId = ?1 and date < ?2",
                        Sort.descending("date").and("loggedAt", Sort.Direction.Descending),
                        patientId,
                        date)
                .firstResultOptional();
    }

    public List<MorningCheckIn> ofPatient(String patientId, LocalDate from, LocalDate to) {
        return list("patientId = ?1 and date between ?2 and ?3", Sort.by("date"), patientId, from, to);
    }
}
