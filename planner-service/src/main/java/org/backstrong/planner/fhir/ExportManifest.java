package org.backstrong.planner.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A complete bulk export's manifest, as the Bulk Data Access spec has it: one NDJSON file per
 * resource type with its line count, and the OperationOutcomes saying what could not be read under
 * {@code error}. The files need the same bearer token as the status, and are deleted at {@code
 * extension.expires} (backstrong.fhir-export.expiry after the job finished).
 */
public record ExportManifest(
        String transactionTime,
        String request,
        boolean requiresAccessToken,
        List<File> output,
        List<File> error,
        Map<String, String> extension) {

    /** A file of the export; {@code count} only in output. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record File(String type, String url, Long count) {}

    /** {@code base} is the server's FHIR base (ending in /fhir). */
    public static ExportManifest of(ExportJobs.JobStatus job, String base) {
        List<File> output = new ArrayList<>();
        List<File> error = new ArrayList<>();
        for (String type : EverythingQuery.TYPES) {
            Long count = job.counts().get(type);
            if (count != null) {
                output.add(new File(type, fileUrl(base, job, type), count));
            }
        }
        if (job.counts().containsKey(ExportJobs.ERRORS)) {
            error.add(new File(ExportJobs.ERRORS, fileUrl(base, job, ExportJobs.ERRORS), null));
        }
        return new ExportManifest(
                job.transactionTime().toInstant().toString(),
                job.request(),
                true,
                output,
                error,
                Map.of("expires", job.expiresAt().toInstant().toString()));
    }

    /** Where a status answers: {@code base}/$export-status/{id}. */
    public static String statusUrl(String base, java.util.UUID id) {
        return base + "/$export-status/" + id;
    }

    private static String fileUrl(String base, ExportJobs.JobStatus job, String type) {
        return base + "/$export-file/" + job.id() + "/" + type + ".ndjson";
    }
}
