package org.backstrong.catalog.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;

import org.backstrong.input.ProblemDocumentation;

/**
 * The catalog's error answers in /q/openapi (see {@link ProblemDocumentation}); its own answers
 * (412, 428) are declared on their resource methods, with the ETag and Location headers here.
 * It implements OASFilter again because Quarkus finds build-time filters among direct implementors.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses extends ProblemDocumentation implements OASFilter {

    public ProblemResponses() {
        super("Not found, or not visible to the caller (another clinic's)", "dose.setsMax");
    }

    @Override
    protected void addHeaders(Components components) {
        components.addHeader(
                "ETag", stringHeader("The exercise's version, to send back as If-Match with an edit", null));
        components.addHeader("Location", stringHeader("The new exercise's address", "uri-reference"));
    }
}
