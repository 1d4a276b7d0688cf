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
                + " (yyyy-MM-dd) and _type narrow it.");
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
        for (String type : EverythingQuery.TYPES) {
            if (!"Patient".equals(type)) {
                rest.addResource().setType(type).setDocumentation("Returned inside Patient/[id]/$everything only");
            }
        }
        return statement;
    }
}
