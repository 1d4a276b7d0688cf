package org.backstrong.planner.fhir;

import java.util.List;
import java.util.Map;

import org.backstrong.planner.catalog.CatalogExercise;
import org.backstrong.planner.progress.PatientTimeline;
import org.backstrong.planner.service.PatientRecords;

/**
 * What one patient's export is made of: planner's own record, the catalog versions its plans refer
 * to (by {@link #exerciseKey}; a version the catalog could not give is absent), progress-service's
 * timeline (null when progress knows nothing of the patient or cannot be reached) and what could
 * not be read, said in words.
 */
public record ExportSources(
        PatientRecords.Record record,
        Map<String, CatalogExercise> exercises,
        PatientTimeline timeline,
        List<String> warnings) {

    public static String exerciseKey(String exerciseId, int version) {
        return exerciseId + "|" + version;
    }
}
