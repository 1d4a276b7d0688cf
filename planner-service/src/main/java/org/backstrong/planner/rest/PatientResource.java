package org.backstrong.planner.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.PatientRegistry;

@Path("/patients")
@Produces(MediaType.APPLICATION_JSON)
public class PatientResource {

    private final PatientRegistry registry;
    private final Caller caller;

    public PatientResource(PatientRegistry registry, Caller caller) {
        this.registry = registry;
        this.caller = caller;
    }

    /** The caller's clinic's patients. */
    @GET
    @RolesAllowed(Roles.CLINICIAN)
    public List<PatientSummary> list(@Valid @BeanParam PageRequest paging) {
        String clinicId = caller.clinicId()
                .orElseThrow(() -> new ForbiddenException("A clinician's token must carry a clinic_id"));
        return registry.list(clinicId, paging.pageIndex(), paging.pageSize()).stream()
                .map(PatientSummary::of)
                .toList();
    }
}
