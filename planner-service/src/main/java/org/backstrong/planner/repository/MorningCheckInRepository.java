package org.backstrong.planner.repository;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

import org.backstrong.planner.domain.MorningCheckIn;

@ApplicationScoped
public class MorningCheckInRepository implements PanacheRepositoryBase<MorningCheckIn, UUID> {

    public Optional<MorningCheckIn> of(String patientId, LocalDate date) {
        return find(
                        "patientId = :patient and date = :date",
                        Parameters.with("patient", patientId).and("date", date))
                .firstResultOptional();
    }
}
