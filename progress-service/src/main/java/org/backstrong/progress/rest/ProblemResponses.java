package org.backstrong.progress.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;

import org.backstrong.input.ProblemDocumentation;

/**
 * progress's error answers in /q/openapi (see {@link ProblemDocumentation}); its own answer (409) is
 * declared on its resource method. It implements OASFilter again because Quarkus finds build-time
 * filters among direct implementors.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses extends ProblemDocumentation implements OASFilter {

    public ProblemResponses() {
        super("Not found, or not visible to the caller (another clinic's)", "groupBy");
    }

    @Override
    protected void addHeaders(Components components) {
        // No operation of progress refers to a header component.
    }
}
