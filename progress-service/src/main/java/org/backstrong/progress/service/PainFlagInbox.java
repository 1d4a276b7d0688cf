package org.backstrong.progress.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;

import org.backstrong.progress.domain.PainFlag;
import org.backstrong.progress.repository.PainFlagRepository;

/** The clinicians' pain-flag inbox, always bounded to one clinic. */
@ApplicationScoped
public class PainFlagInbox {

    private final PainFlagRepository flags;

    public PainFlagInbox(PainFlagRepository flags) {
        this.flags = flags;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PainFlag> unresolved(String clinicId, int page, int size) {
        return flags.unresolvedOfClinic(clinicId, Page.of(page, size));
    }

    /** How many flags wait for the clinic: the number the pages' navigation shows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long unresolvedCount(String clinicId) {
        return flags.unresolvedCountOfClinic(clinicId);
    }
}
