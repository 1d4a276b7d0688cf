package org.backstrong.planner;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.backstrong.planner.messaging.Topics;
import org.backstrong.testinfra.EventContract;
import org.backstrong.testinfra.KafkaProbe;

/**
 * Events as progress-service publishes them on progress-events (CloudEvents binary headers, JSON
 * data), for tests: each one is checked against progress-service's schema before it is sent, so a
 * fixture that drifts from the contract fails where it is made.
 */
final class ProgressEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProgressEvents() {}

    /** A kg prescription of 8–12 reps, with every field a published one has (nulls too). */
    static Map<String, Object> prescription(int sets, double loadKg) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("doseKind", "reps");
        p.put("sets", sets);
        p.put("setsMax", 3);
        p.put("repsMin", 8);
        p.put("repsMax", 12);
        p.put("secondsMin", null);
        p.put("secondsMax", null);
        p.put("holdSeconds", null);
        p.put("perSide", false);
        p.put("loadKind", "kg");
        p.put("loadKg", loadKg);
        p.put("band", null);
        p.put("loadStepPercent", 5);
        p.put("restSeconds", 90);
        p.put("harderVariantId", "suspended-row");
        return p;
    }

    /** A progression of an item of the patient's plan (Lat Pulldown unless changed), as progress publishes one. */
    static Map<String, Object> decision(
            SetLoggingTest.Patient patient,
            String itemId,
            String rule,
            String reason,
            Map<String, Object> before,
            Map<String, Object> after) {
        Map<String, Object> decision = new HashMap<>();
        decision.put("decisionId", UUID.randomUUID().toString());
        decision.put("patientId", patient.id());
        decision.put("clinicId", "clinic-a");
        decision.put("planId", patient.planId());
        decision.put("itemId", itemId);
        decision.put("exerciseId", "lat-pulldown");
        decision.put("rule", rule);
        decision.put("reason", reason);
        decision.put("before", before);
        decision.put("after", after);
        decision.put("suggestedVariantId", null);
        decision.put("decidedAt", OffsetDateTime.now().toString());
        return decision;
    }

    /** A STOP flag (pain 7 in the first set) on one item of the patient's plan. */
    static Map<String, Object> stopFlag(SetLoggingTest.Patient patient, String itemId, String exerciseId) {
        Map<String, Object> flag = new HashMap<>();
        flag.put("flagId", UUID.randomUUID().toString());
        flag.put("patientId", patient.id());
        flag.put("clinicId", "clinic-a");
        flag.put("planId", patient.planId());
        flag.put("itemId", itemId);
        flag.put("exerciseId", exerciseId);
        flag.put("severity", "STOP");
        flag.put("rule", "PAIN_ABOVE_FIVE");
        flag.put("evidence", "pain 7 during set 1 (above 5)");
        flag.put("raisedAt", OffsetDateTime.now().toString());
        return flag;
    }

    /** The flag resolved by clara with a note. */
    static Map<String, Object> resolution(Map<String, Object> flag, String note) {
        Map<String, Object> resolved = new HashMap<>(flag);
        resolved.remove("rule");
        resolved.remove("evidence");
        resolved.remove("raisedAt");
        resolved.put("resolvedBy", Clinic.CLARA);
        resolved.put("note", note);
        resolved.put("resolvedAt", OffsetDateTime.now().toString());
        return resolved;
    }

    static void publish(String patientId, String eventId, String type, Map<String, Object> data) {
        String value = write(data);
        EventContract.assertValid(type, value);
        send(patientId, eventId, type, value);
    }

    /** As a newer progress-service might send it: a valid event, then with fields its schema does not name yet. */
    static void publishWithFieldsAdded(
            String patientId,
            String eventId,
            String type,
            Map<String, Object> data,
            Consumer<Map<String, Object>> addFields) {
        EventContract.assertValid(type, write(data));
        addFields.accept(data);
        send(patientId, eventId, type, write(data));
    }

    /** As progress-service sends it from work that was traced: with the traceparent of that work. */
    static void publishTraced(String patientId, String eventId, String type, Map<String, Object> data, String trace) {
        String value = write(data);
        EventContract.assertValid(type, value);
        Map<String, String> headers = new HashMap<>(headers(patientId, eventId, type));
        headers.put("traceparent", trace);
        KafkaProbe.send(Events.bootstrap(), Topics.PROGRESS_EVENTS, patientId, value, headers);
    }

    private static void send(String patientId, String eventId, String type, String value) {
        KafkaProbe.send(
                Events.bootstrap(), Topics.PROGRESS_EVENTS, patientId, value, headers(patientId, eventId, type));
    }

    private static Map<String, String> headers(String patientId, String eventId, String type) {
        return Map.of(
                "ce_specversion",
                "1.0",
                "ce_id",
                eventId,
                "ce_type",
                type,
                "ce_source",
                "/progress-service",
                "ce_subject",
                patientId,
                "ce_time",
                OffsetDateTime.now().toString(),
                "content-type",
                "application/json");
    }

    private static String write(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
