package org.backstrong.planner.fhir;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import io.quarkus.logging.Log;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hl7.fhir.r4.model.Bundle;

import org.backstrong.planner.catalog.Catalog;
import org.backstrong.planner.catalog.CatalogExercise;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.PlanItem;
import org.backstrong.planner.progress.PatientTimeline;
import org.backstrong.planner.progress.TimelineApi;
import org.backstrong.planner.service.PatientRecords;

/**
 * Patient/$everything for a clinician: planner's record of the patient, the catalog versions its
 * plans use and progress-service's flags and decisions (both with the clinician's own token). When
 * the catalog or progress cannot answer, the bundle says what it leaves out instead of failing.
 */
@ApplicationScoped
public class PatientEverything {

    private final PatientRecords records;
    private final Catalog catalog;
    private final TimelineApi timelines;
    private final Clock clock;

    public PatientEverything(PatientRecords records, Catalog catalog, @RestClient TimelineApi timelines, Clock clock) {
        this.records = records;
        this.catalog = catalog;
        this.timelines = timelines;
        this.clock = clock;
    }

    /** The bundle; 404 (NotFoundException) for another clinic's patient or an unknown id. */
    public Bundle of(String clinicId, EverythingQuery query, String base, String self) {
        PatientRecords.Record record = records.of(clinicId, query.patientId());
        List<String> warnings = new ArrayList<>();
        Map<String, CatalogExercise> exercises = exercises(record, clinicId, null, warnings);
        PatientTimeline timeline = needsProgress(query) ? timeline(query.patientId(), warnings) : null;
        Log.infof("FHIR $everything of patient %s for clinic %s", query.patientId(), clinicId);
        return EverythingBundle.of(
                new ExportSources(record, exercises, timeline, warnings),
                query,
                base,
                self,
                Date.from(clock.instant()));
    }

    static boolean needsProgress(EverythingQuery query) {
        return query.wants("Flag") || query.wants("Provenance");
    }

    /**
     * The catalog versions the record's plans use, with the caller's token, or with {@code authorization}
     * ("Bearer …") when a background job gives its own (null: the caller's); what is missing goes to warnings.
     */
    Map<String, CatalogExercise> exercises(
            PatientRecords.Record record, String clinicId, String authorization, List<String> warnings) {
        Map<String, CatalogExercise> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Plan plan : record.plans()) {
            for (PlanItem item : plan.items) {
                String key = ExportSources.exerciseKey(item.exerciseId, item.exerciseVersion);
                if (found.containsKey(key) || missing.contains(key)) {
                    continue;
                }
                try {
                    found.put(
                            key,
                            authorization == null
                                    ? catalog.version(item.exerciseId, item.exerciseVersion, clinicId)
                                    : catalog.version(item.exerciseId, item.exerciseVersion, clinicId, authorization));
                } catch (RuntimeException e) {
                    Log.warnf(
                            "catalog-service gave no version %s of %s for the FHIR export: %s",
                            item.exerciseVersion, item.exerciseId, e.getMessage());
                    missing.add(key);
                }
            }
        }
        if (!missing.isEmpty()) {
            warnings.add("catalog-service could not be read for " + String.join(", ", missing)
                    + ": their ActivityDefinitions carry planner's name only, without description or safety notes");
        }
        return found;
    }

    private PatientTimeline timeline(String patientId, List<String> warnings) {
        try {
            return timelines.of(patientId);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return null;
            }
            Log.warnf(
                    "progress-service answered %d for patient %s's FHIR export",
                    e.getResponse().getStatus(), patientId);
        } catch (RuntimeException e) {
            Log.warnf("progress-service unavailable for patient %s's FHIR export: %s", patientId, e.getMessage());
        }
        warnings.add("progress-service could not be reached: pain flags (Flag) and the decisions behind automatic"
                + " changes are left out");
        return null;
    }
}
