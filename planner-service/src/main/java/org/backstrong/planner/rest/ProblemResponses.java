package org.backstrong.planner.rest;

import java.util.List;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
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

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        super.filterOpenAPI(openAPI);
        // An operation open to anyone (the calendar feed, whose token is its credential) says so: security [{}].
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
