package org.backstrong.planner.repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The FHIR bulk export's jobs and their NDJSON lines (V10): any instance reads them; the instance
 * holding a job's lease writes them, and every write of a running job checks it still holds it.
 */
@ApplicationScoped
public class ExportJobRepository {

    /** A job as stored; {@code patientsTotal} is null until its first run counted the patients. */
    public record Job(
            UUID id,
            String clinicId,
            String requestedBy,
            String request,
            List<String> types,
            boolean completed,
            OffsetDateTime transactionTime,
            Integer patientsTotal,
            int patientsDone,
            String lastPatientId,
            String owner,
            OffsetDateTime finishedAt,
            OffsetDateTime expiresAt) {}

    /** One line of a file and where it stands in it. */
    public record Line(long seq, String resource) {}

    private static final String COLUMNS = "id, clinic_id, requested_by, request, types, status, transaction_time,"
            + " patients_total, patients_done, last_patient_id, owner, finished_at, expires_at";

    private final EntityManager entityManager;

    public ExportJobRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A new job, already leased by the instance that took the kick-off. */
    public void insert(Job job, OffsetDateTime leaseUntil) {
        entityManager
                .createNativeQuery("""
                        INSERT INTO fhir_export_job (id, clinic_id, requested_by, request, types, status,
                            transaction_time, owner, lease_until)
                        VALUES (:id, :clinic, :by, :request, :types, 'RUNNING', :time, :owner, :lease)
                        """)
                .setParameter("id", job.id())
                .setParameter("clinic", job.clinicId())
                .setParameter("by", job.requestedBy())
                .setParameter("request", job.request())
                .setParameter("types", String.join(",", job.types()))
                .setParameter("time", job.transactionTime())
                .setParameter("owner", job.owner())
                .setParameter("lease", leaseUntil)
                .executeUpdate();
    }

    /** The clinic's job, unless it expired (its output may not yet be deleted). */
    public Optional<Job> of(UUID id, String clinicId, OffsetDateTime now) {
        List<?> rows = entityManager
                .createNativeQuery("SELECT " + COLUMNS + " FROM fhir_export_job WHERE id = :id AND clinic_id = :clinic"
                        + " AND (expires_at IS NULL OR expires_at > :now)")
                .setParameter("id", id)
                .setParameter("clinic", clinicId)
                .setParameter("now", now)
                .getResultList();
        return rows.stream().findFirst().map(row -> job((Object[]) row));
    }

    /** Any job by id, as its runner sees it. */
    public Optional<Job> byId(UUID id) {
        List<?> rows = entityManager
                .createNativeQuery("SELECT " + COLUMNS + " FROM fhir_export_job WHERE id = :id")
                .setParameter("id", id)
                .getResultList();
        return rows.stream().findFirst().map(row -> job((Object[]) row));
    }

    /**
     * Takes one running job whose lease ran out (its instance died or stalled) for {@code owner}, skipping
     * any another instance is taking at the same moment; empty when there is none.
     */
    public Optional<UUID> claimExpired(String owner, OffsetDateTime now, OffsetDateTime leaseUntil) {
        List<?> ids =
                entityManager.createNativeQuery("""
                        SELECT id FROM fhir_export_job WHERE status = 'RUNNING' AND lease_until < :now
                        ORDER BY lease_until LIMIT 1 FOR UPDATE SKIP LOCKED
                        """).setParameter("now", now).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        UUID id = (UUID) ids.get(0);
        entityManager
                .createNativeQuery("UPDATE fhir_export_job SET owner = :owner, lease_until = :lease WHERE id = :id")
                .setParameter("owner", owner)
                .setParameter("lease", leaseUntil)
                .setParameter("id", id)
                .executeUpdate();
        return Optional.of(id);
    }

    /** Renews the lease; false when the job is gone or another instance holds it now. */
    public boolean renew(UUID id, String owner, OffsetDateTime leaseUntil) {
        return entityManager
                        .createNativeQuery("UPDATE fhir_export_job SET lease_until = :lease"
                                + " WHERE id = :id AND owner = :owner AND status = 'RUNNING'")
                        .setParameter("lease", leaseUntil)
                        .setParameter("id", id)
                        .setParameter("owner", owner)
                        .executeUpdate()
                == 1;
    }

    /** Records how many patients the job covers (first run only). */
    public void countPatients(UUID id, int total) {
        entityManager
                .createNativeQuery("UPDATE fhir_export_job SET patients_total = :total"
                        + " WHERE id = :id AND patients_total IS NULL")
                .setParameter("total", total)
                .setParameter("id", id)
                .executeUpdate();
    }

    /** One more patient done, the lease renewed; false (nothing changed) when the lease is no longer ours. */
    public boolean advance(UUID id, String owner, String patientId, OffsetDateTime leaseUntil) {
        return entityManager
                        .createNativeQuery("""
                                UPDATE fhir_export_job SET patients_done = patients_done + 1,
                                    last_patient_id = :patient, lease_until = :lease
                                WHERE id = :id AND owner = :owner AND status = 'RUNNING'
                                """)
                        .setParameter("patient", patientId)
                        .setParameter("lease", leaseUntil)
                        .setParameter("id", id)
                        .setParameter("owner", owner)
                        .executeUpdate()
                == 1;
    }

    /** The job is done; its output is kept until {@code expiresAt}. False when the lease is no longer ours. */
    public boolean complete(UUID id, String owner, OffsetDateTime finishedAt, OffsetDateTime expiresAt) {
        return entityManager
                        .createNativeQuery("""
                                UPDATE fhir_export_job SET status = 'COMPLETED', finished_at = :finished,
                                    expires_at = :expires, owner = NULL, lease_until = NULL
                                WHERE id = :id AND owner = :owner AND status = 'RUNNING'
                                """)
                        .setParameter("finished", finishedAt)
                        .setParameter("expires", expiresAt)
                        .setParameter("id", id)
                        .setParameter("owner", owner)
                        .executeUpdate()
                == 1;
    }

    /** Deletes the clinic's job and its lines; false when there is no such job. */
    public boolean delete(UUID id, String clinicId) {
        return entityManager
                        .createNativeQuery("DELETE FROM fhir_export_job WHERE id = :id AND clinic_id = :clinic")
                        .setParameter("id", id)
                        .setParameter("clinic", clinicId)
                        .executeUpdate()
                == 1;
    }

    /** Deletes finished jobs whose output expired, with their lines: how many. */
    public int deleteExpired(OffsetDateTime now) {
        return entityManager
                .createNativeQuery("DELETE FROM fhir_export_job WHERE status = 'COMPLETED' AND expires_at <= :now")
                .setParameter("now", now)
                .executeUpdate();
    }

    /** The clinic's patient after {@code afterId} (null: the first), in id order, enrolled by {@code until}. */
    public Optional<String> nextPatient(String clinicId, String afterId, OffsetDateTime until) {
        List<?> ids = entityManager
                .createNativeQuery("SELECT id FROM patient WHERE clinic_id = :clinic AND enrolled_at <= :until"
                        + " AND (CAST(:after AS text) IS NULL OR id > CAST(:after AS text)) ORDER BY id LIMIT 1")
                .setParameter("clinic", clinicId)
                .setParameter("until", until)
                .setParameter("after", afterId)
                .getResultList();
        return ids.stream().findFirst().map(Object::toString);
    }

    /** How many patients the clinic had enrolled by {@code until}. */
    public int countPatients(String clinicId, OffsetDateTime until) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "SELECT count(*) FROM patient WHERE clinic_id = :clinic AND enrolled_at <= :until")
                        .setParameter("clinic", clinicId)
                        .setParameter("until", until)
                        .getSingleResult())
                .intValue();
    }

    /** Adds a resource to the job's file of its type unless that file has it already: whether it was added. */
    public boolean addLine(UUID jobId, String type, String resourceId, String resource) {
        return entityManager
                        .createNativeQuery("""
                                INSERT INTO fhir_export_line (job_id, resource_type, resource_id, resource)
                                VALUES (:job, :type, :resourceId, :resource)
                                ON CONFLICT DO NOTHING
                                """)
                        .setParameter("job", jobId)
                        .setParameter("type", type)
                        .setParameter("resourceId", resourceId)
                        .setParameter("resource", resource)
                        .executeUpdate()
                == 1;
    }

    /** How many lines each of the job's files has, by resource type. */
    public Map<String, Long> counts(UUID jobId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object row : entityManager
                .createNativeQuery("SELECT resource_type, count(*) FROM fhir_export_line WHERE job_id = :job"
                        + " GROUP BY resource_type ORDER BY min(seq)")
                .setParameter("job", jobId)
                .getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put((String) columns[0], ((Number) columns[1]).longValue());
        }
        return counts;
    }

    /** Up to {@code limit} lines of one file after {@code afterSeq}, in the order they were written. */
    public List<Line> lines(UUID jobId, String type, long afterSeq, int limit) {
        return entityManager
                .createNativeQuery("""
                        SELECT seq, resource FROM fhir_export_line
                        WHERE job_id = :job AND resource_type = :type AND seq > :after
                        ORDER BY seq LIMIT :limit
                        """)
                .setParameter("job", jobId)
                .setParameter("type", type)
                .setParameter("after", afterSeq)
                .setParameter("limit", limit)
                .getResultList()
                .stream()
                .map(row -> {
                    Object[] columns = (Object[]) row;
                    return new Line(((Number) columns[0]).longValue(), (String) columns[1]);
                })
                .toList();
    }

    private static Job job(Object[] row) {
        return new Job(
                (UUID) row[0],
                (String) row[1],
                (String) row[2],
                (String) row[3],
                types(row[4]),
                "COMPLETED".equals(row[5]),
                time(row[6]),
                row[7] == null ? null : ((Number) row[7]).intValue(),
                ((Number) row[8]).intValue(),
                (String) row[9],
                (String) row[10],
                time(row[11]),
                time(row[12]));
    }

    private static List<String> types(Object value) {
        return Arrays.asList(((String) value).split(","));
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
