package org.backstrong.planner.repository;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The days with data behind the remote-monitoring report: a calendar day in the clinic's zone on
 * which a patient logged a set or a morning check-in, both by the moment planner stored it.
 */
@ApplicationScoped
public class RtmRepository {

    /** A patient of the clinic and their days with data, oldest first (none: never logged anything). */
    public record PatientDays(String patientId, String displayName, TreeSet<LocalDate> days) {}

    private static final String DAYS = """
            SELECT p.id, p.display_name, d.day
            FROM patient p
            LEFT JOIN (
                SELECT patient_id, (logged_at AT TIME ZONE :zone)::date AS day FROM logged_set
                UNION
                SELECT patient_id, (logged_at AT TIME ZONE :zone)::date AS day FROM morning_check_in
            ) d ON d.patient_id = p.id
            WHERE p.clinic_id = :clinic %s
            ORDER BY p.display_name, p.id, d.day""";

    private final EntityManager entityManager;

    public RtmRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Every patient of the clinic, by name, with their days with data. */
    public List<PatientDays> ofClinic(String clinicId, ZoneId zone) {
        return read(entityManager
                .createNativeQuery(DAYS.formatted(""))
                .setParameter("clinic", clinicId)
                .setParameter("zone", zone.getId())
                .getResultList());
    }

    /** The clinic's patient with their days with data; empty when they are not the clinic's. */
    public List<PatientDays> ofPatient(String clinicId, String patientId, ZoneId zone) {
        return read(entityManager
                .createNativeQuery(DAYS.formatted("AND p.id = :patient"))
                .setParameter("clinic", clinicId)
                .setParameter("patient", patientId)
                .setParameter("zone", zone.getId())
                .getResultList());
    }

    private static List<PatientDays> read(List<?> rows) {
        Map<String, PatientDays> patients = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            PatientDays patient = patients.computeIfAbsent(
                    (String) columns[0], id -> new PatientDays(id, (String) columns[1], new TreeSet<>()));
            if (columns[2] != null) {
                patient.days().add(day(columns[2]));
            }
        }
        return List.copyOf(patients.values());
    }

    private static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
