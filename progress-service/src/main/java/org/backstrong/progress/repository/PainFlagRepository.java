package org.backstrong.progress.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import org.backstrong.progress.domain.PainFlag;
import org.backstrong.progress.domain.PainFlagStatus;
import org.backstrong.progress.domain.progression.PainFlagSeverity;

@ApplicationScoped
public class PainFlagRepository implements PanacheRepositoryBase<PainFlag, UUID> {

    /** Flags not yet resolved, newest first. */
    public List<PainFlag> unresolvedOfClinic(String clinicId, Page page) {
        return find(
                        "clinicId = :clinic and status <> :resolved",
                        Sort.descending("raisedAt").and("id"),
                        Parameters.with("clinic", clinicId).and("resolved", PainFlagStatus.RESOLVED))
                .page(page)
                .list();
    }

    /** How many flags of the clinic are not resolved yet. */
    public long unresolvedCountOfClinic(String clinicId) {
        return count("clinicId = ?1 and status <> ?2", clinicId, PainFlagStatus.RESOLVED);
    }

    /** An unresolved flag of this patient with this rule (and item, when the rule is per item), if any. */
    public boolean unresolvedExists(String patientId, UUID itemId, String rule) {
        return itemId == null
                ? count(
                                "patientId = ?1 and itemId is null and rule = ?2 and status <> ?3",
                                patientId,
                                rule,
                                PainFlagStatus.RESOLVED)
                        > 0
                : count(
                                "patientId = ?1 and itemId = ?2 and rule = ?3 and status <> ?4",
                                patientId,
                                itemId,
                                rule,
                                PainFlagStatus.RESOLVED)
                        > 0;
    }

    /** Unresolved flags of this severity on this item, or on the whole plan (item null). */
    public boolean unresolvedOn(String patientId, UUID itemId, PainFlagSeverity severity) {
        return count(
                        "patientId = ?1 and (itemId = ?2 or itemId is null) and severity = ?3 and status <> ?4",
                        patientId,
                        itemId,
                        severity,
                        PainFlagStatus.RESOLVED)
                > 0;
    }

    public List<PainFlag> ofPatient(String patientId) {
        return list("patientId", Sort.by("raisedAt").and("id"), patientId);
    }

    /** When the oldest open (not yet acknowledged) flag of this severity was raised, per clinic. */
    public Map<String, Instant> oldestOpenByClinic(PainFlagSeverity severity) {
        List<Tuple> rows = getEntityManager()
                .createQuery(
                        "select f.clinicId, min(f.raisedAt) from PainFlag f where f.severity = :severity"
                                + " and f.status = :open group by f.clinicId",
                        Tuple.class)
                .setParameter("severity", severity)
                .setParameter("open", PainFlagStatus.OPEN)
                .getResultList();
        Map<String, Instant> oldest = new HashMap<>();
        rows.forEach(row -> oldest.put(
                row.get(0, String.class), row.get(1, OffsetDateTime.class).toInstant()));
        return oldest;
    }
}
