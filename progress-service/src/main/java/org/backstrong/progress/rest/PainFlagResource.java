package org.backstrong.progress.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.backstrong.progress.security.Caller;
import org.backstrong.progress.security.Roles;
import org.backstrong.progress.service.PainFlagInbox;

@Path("/pain-flags")
@Produces(MediaType.APPLICATION_JSON)
public class PainFlagResource {

    private final PainFlagInbox inbox;
    private final Caller caller;

    public PainFlagResource(PainFlagInbox inbox, Caller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    /** The caller's clinic's flags that are not resolved yet, newest first. */
    @GET
    @RolesAllowed(Roles.CLINICIAN)
    public List<PainFlagView> unresolved(@Valid @BeanParam PageRequest paging) {
        String clinicId = caller.clinicId()
                .orElseThrow(() -> new ForbiddenException("A clinician's token must carry a clinic_id"));
        return inbox.unresolved(clinicId, paging.pageIndex(), paging.pageSize()).stream()
                .map(PainFlagView::of)
                .toList();
    }
}
