package org.backstrong.catalog.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.backstrong.catalog.repository.VocabularyRepository.Term;
import org.backstrong.catalog.security.Roles;
import org.backstrong.catalog.service.ExerciseLibrary;

/** The controlled vocabularies exercises are described with, for filters and forms. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CLINICIAN, Roles.PATIENT, Roles.ANALYST, Roles.ADMIN })
public class VocabularyResource {

    private final ExerciseLibrary library;

    public VocabularyResource(ExerciseLibrary library) {
        this.library = library;
    }

    @GET
    @Path("muscles")
    public List<Vocabulary> muscles() {
        return library.vocabulary(Term.MUSCLE);
    }

    @GET
    @Path("equipment")
    public List<Vocabulary> equipment() {
        return library.vocabulary(Term.EQUIPMENT);
    }

    @GET
    @Path("regions")
    public List<Vocabulary> regions() {
        return library.vocabulary(Term.REGION);
    }
}
