package org.backstrong.planner.fhir;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;

/** The CapabilityStatement of planner's read-only FHIR R4 export: what /fhir serves, to whom. */
@ApplicationScoped
public class Capabilities {

    /** When this instance started: the statement does not change while it runs. */
    private final Date since = new Date();

    public CapabilityStatement statement(String base) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setId("backstrong-planner");
        statement.setUrl(base + "/metadata");
        statement.setName("BackstrongPlannerExport");
        statement.setTitle("Backstrong planner-service: read-only FHIR R4 export");
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(since);
        statement.setPublisher("Backstrong");
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement
                .getImplementation()
                .setDescription("Backstrong planner-service: a patient's plans, sessions, pain flags and automatic"
                        + " changes for the clinicians of the patient's clinic")
                .setUrl(base);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("json");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setDocumentation("Read only. Patient/[id]/$everything answers a searchset Bundle; start, end"
                + " (yyyy-MM-dd) and _type narrow it. Patient/$export (Bulk Data Access, with Prefer: respond-async)"
                + " exports every patient of the caller's clinic: it answers 202 with the status URL"
                + " $export-status/[job] in Content-Location, which answers 202 (X-Progress, Retry-After) while the"
                + " job runs and then the manifest of its NDJSON files ($export-file/[job]/[type].ndjson); DELETE"
                + " on it deletes the job. Files are kept 24 hours (by default) after the job finished; the"
                + " manifest's extension.expires says until when.");
        rest.getSecurity()
                .setCors(false)
                .addService(new CodeableConcept(new Coding(FhirCodes.RESTFUL_SECURITY, "OAuth", "OAuth")))
                .setDescription("A bearer access token of the Keycloak realm backstrong with the role clinician;"
                        + " only patients of the token's clinic_id are served (any other id answers 404).");
        CapabilityStatement.CapabilityStatementRestResourceComponent patient =
                rest.addResource().setType("Patient");
        patient.addOperation()
                .setName("everything")
                .setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything")
                .setDocumentation("The patient, CarePlans, ServiceRequests, ActivityDefinitions, PlanDefinitions,"
                        + " Observations (sessions, sets and outcome scores), QuestionnaireResponses (outcome measures),"
                        + " Flags and Provenance");
        patient.addOperation()
                .setName("export")
                .setDefinition("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export")
                .setDocumentation("Every patient of the caller's clinic, asynchronously, as NDJSON: one file per"
                        + " resource type $everything returns (each resource once), an OperationOutcome file for"
                        + " what progress-service or the catalog could not give; _type and _outputFormat"
                        + " (application/fhir+ndjson) are honoured");
        for (String type : EverythingQuery.TYPES) {
            if (!"Patient".equals(type)) {
                rest.addResource().setType(type).setDocumentation("Returned inside Patient/[id]/$everything only");
            }
        }
        return statement;
    }
}
