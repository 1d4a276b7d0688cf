package org.backstrong.planner.fhir;

import jakarta.enterprise.context.ApplicationScoped;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** FHIR R4's JSON, written by HAPI's parser; its context is costly to build, so there is one. */
@ApplicationScoped
public class FhirJson {

    private final FhirContext context = FhirContext.forR4Cached();

    public String write(IBaseResource resource) {
        IParser parser = context.newJsonParser();
        return parser.encodeResourceToString(resource);
    }
}
