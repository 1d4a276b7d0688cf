package org.backstrong.planner.rest;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

import org.backstrong.input.ProblemDocumentation;

/**
 * planner's error answers in /q/openapi (see {@link ProblemDocumentation}); its own answers (409,
 * 422, 503) are declared on their resource methods, with the Location and Retry-After headers here.
 * It implements OASFilter again because Quarkus finds build-time filters among direct implementors.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses extends ProblemDocumentation implements OASFilter {

    public ProblemResponses() {
        super("Not found, or not visible to the caller (another clinic's or another patient's)", "items[0].exerciseId");
    }

    /**
     * As for every operation, then /fhir's errors: OperationOutcomes (rest/FhirOutcomes), 401 included;
     * and an operation without roles is open to anyone.
     */
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        super.filterOpenAPI(openAPI);
        openAPI.getComponents()
                .addSchema(
                        FhirOutcomes.SCHEMA,
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.OBJECT)
                                .description("A FHIR R4 OperationOutcome: issue[].severity, code, diagnostics,"
                                        + " and expression naming the offending parameter")
                                .addRequired("resourceType")
                                .addRequired("issue")
                                .addProperty(
                                        "resourceType",
                                        OASFactory.createSchema()
                                                .addType(Schema.SchemaType.STRING)
                                                .addEnumeration("OperationOutcome"))
                                .addProperty(
                                        "issue",
                                        OASFactory.createSchema()
                                                .addType(Schema.SchemaType.ARRAY)
                                                .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT))));
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if ("/fhir/metadata".equals(path)) {
                // Public, as a FHIR server's CapabilityStatement is: no security, said so.
                item.getOperations().values().forEach(operation -> operation.setSecurity(new ArrayList<>()));
            }
            if (path.startsWith("/fhir/")) {
                item.getOperations()
                        .values()
                        .forEach(operation -> operation
                                .getResponses()
                                .getAPIResponses()
                                .forEach((status, response) -> {
                                    if (status.matches("[45]\\d\\d")) {
                                        response.content(outcomeContent());
                                    }
                                }));
            }
        });
        // An operation open to anyone (the calendar feed, whose token is its credential; FHIR's metadata)
        // says so: security [{}].
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(operation -> {
                    if (operation.getSecurity() == null
                            || operation.getSecurity().isEmpty()) {
                        operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
                    }
                }));
    }

    private static Content outcomeContent() {
        return OASFactory.createContent()
                .addMediaType(
                        "application/fhir+json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(FhirOutcomes.SCHEMA)));
    }

    @Override
    protected void addHeaders(Components components) {
        components.addHeader("Location", stringHeader("The address of what was created", "uri-reference"));
        components.addHeader(
                "Retry-After",
                OASFactory.createHeader()
                        .description("Seconds to wait before sending the same request again")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
    }
}
