package org.backstrong.catalog.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.backstrong.catalog.security.Caller;
import org.backstrong.catalog.security.Roles;
import org.backstrong.catalog.service.ExerciseLibrary;

@Path("/exercises")
@Produces(MediaType.APPLICATION_JSON)
public class ExerciseResource {

    private final ExerciseLibrary library;
    private final Caller caller;

    public ExerciseResource(ExerciseLibrary library, Caller caller) {
        this.library = library;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.PATIENT, Roles.ANALYST, Roles.ADMIN })
    public List<ExerciseSummary> list(@Valid @BeanParam PageRequest paging) {
        return library.list(caller.clinicId().orElse(null), paging.pageIndex(), paging.pageSize()).stream()
                .map(ExerciseSummary::of)
                .toList();
    }
}
