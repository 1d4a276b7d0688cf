package org.backstrong.catalog.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.catalog.security.Roles;
import org.backstrong.catalog.service.ExerciseLibrary;
import org.backstrong.catalog.service.Vocabulary;

/** The controlled vocabularies exercises are described with, for filters and forms. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.PATIENT, Roles.ANALYST, Roles.ADMIN})
@Tag(name = "Vocabularies", description = "The controlled terms exercises are described with")
public class VocabularyResource {

    private final ExerciseLibrary library;

    public VocabularyResource(ExerciseLibrary library) {
        this.library = library;
    }

    @GET
    @Path("muscles")
    @Operation(operationId = "listMuscles", summary = "List the muscles exercises name")
    public List<Vocabulary> muscles() {
        return library.muscles();
    }

    @GET
    @Path("equipment")
    @Operation(operationId = "listEquipment", summary = "List the equipment exercises name")
    public List<Vocabulary> equipment() {
        return library.equipment();
    }

    @GET
    @Path("regions")
    @Operation(operationId = "listRegions", summary = "List the body regions exercises name")
    public List<Vocabulary> regions() {
        return library.regions();
    }
}
