package org.backstrong.progress.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import org.backstrong.progress.domain.outcome.OutcomeMeasure;
import org.backstrong.progress.domain.outcome.OutcomeOccasion;
import org.backstrong.progress.domain.outcome.OutcomeResponse;

/** Patients' outcome responses (outcome_response): stored once per response id, read per patient or per clinic. */
@ApplicationScoped
public class OutcomeRepository {

    /** A response to store, with who it belongs to and the event that carried it. */
    public record NewResponse(
            String patientId,
            String clinicId,
            UUID planId,
            OutcomeResponse response,
            int itemsAnswered,
            int itemsTotal,
            String questionnaire,
            String eventId) {}

    /** A stored response with its patient, clinic and the template of its plan ('' when progress knows no template). */
    public record StoredResponse(String patientId, String clinicId, String templateId, OutcomeResponse response) {}

    private static final String COLUMNS = "o.patient_id, o.clinic_id, coalesce(p.template_id, ''), o.outcome_id, "
            + "o.measure, o.occasion, o.due_on, o.completed_on, o.score, o.logged_at "
            + "FROM outcome_response o LEFT JOIN patient_plan p ON p.plan_id = o.plan_id ";

    private final EntityManager em;

    public OutcomeRepository(EntityManager em) {
        this.em = em;
    }

    /** Stores the response; returns false when its id was stored before (a resend), which changes nothing. */
    public boolean store(NewResponse row) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO outcome_response (outcome_id, patient_id, clinic_id, plan_id, measure, occasion, "
                            + "due_on, completed_on, score, items_answered, items_total, questionnaire, logged_at, "
                            + "event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT (outcome_id) DO NOTHING")) {
                OutcomeResponse response = row.response();
                insert.setObject(1, response.outcomeId());
                insert.setString(2, row.patientId());
                insert.setString(3, row.clinicId());
                insert.setObject(4, row.planId());
                insert.setString(5, response.measure().name());
                insert.setString(6, response.occasion().name());
                insert.setObject(7, response.dueOn());
                insert.setObject(8, response.completedOn());
                insert.setBigDecimal(9, response.score());
                insert.setInt(10, row.itemsAnswered());
                insert.setInt(11, row.itemsTotal());
                insert.setString(12, row.questionnaire());
                insert.setObject(13, response.loggedAt());
                insert.setString(14, row.eventId());
                return insert.executeUpdate() == 1;
            }
        });
    }

    /** One patient's responses; of one clinic only when {@code clinicId} is given. */
    public List<StoredResponse> ofPatient(String patientId, String clinicId) {
        return query(
                "SELECT " + COLUMNS + "WHERE o.patient_id = ?" + (clinicId == null ? "" : " AND o.clinic_id = ?"),
                clinicId == null ? new Object[] {patientId} : new Object[] {patientId, clinicId});
    }

    /** Every response of the given clinics (none: nothing). */
    public List<StoredResponse> ofClinics(List<String> clinics) {
        if (clinics.isEmpty()) {
            return List.of();
        }
        return query("SELECT " + COLUMNS + "WHERE o.clinic_id = ANY (?)", new Object[] {clinics});
    }

    /** Whether the clinic has a response of the patient. */
    public boolean patientInClinic(String patientId, String clinicId) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement exists = connection.prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM outcome_response WHERE patient_id = ? AND clinic_id = ?)")) {
                exists.setString(1, patientId);
                exists.setString(2, clinicId);
                try (ResultSet answer = exists.executeQuery()) {
                    answer.next();
                    return answer.getBoolean(1);
                }
            }
        });
    }

    private List<StoredResponse> query(String sql, Object[] parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i] instanceof List<?> values) {
                        select.setArray(i + 1, connection.createArrayOf("text", values.toArray()));
                    } else {
                        select.setObject(i + 1, parameters[i]);
                    }
                }
                List<StoredResponse> rows = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(stored(result));
                    }
                }
                return rows;
            }
        });
    }

    private static StoredResponse stored(ResultSet row) throws SQLException {
        return new StoredResponse(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                new OutcomeResponse(
                        row.getObject(4, UUID.class),
                        OutcomeMeasure.valueOf(row.getString(5)),
                        OutcomeOccasion.valueOf(row.getString(6)),
                        row.getObject(7, LocalDate.class),
                        row.getObject(8, LocalDate.class),
                        row.getBigDecimal(9),
                        row.getObject(10, OffsetDateTime.class)));
    }
}
