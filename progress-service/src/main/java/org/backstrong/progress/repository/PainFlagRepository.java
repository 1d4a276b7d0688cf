package org.backstrong.progress.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.backstrong.progress.domain.PainFlag;
import org.backstrong.progress.domain.PainFlagStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PainFlagRepository implements PanacheRepositoryBase<PainFlag, UUID> {

    /** Flags not yet resolved, newest first. */
    public List<PainFlag> unresolvedOfClinic(String clinicId, Page page) {
        return find("clinicId = :clinic and status <> :resolved",
                Sort.descending("raisedAt").and("id"),
                Parameters.with("clinic", clinicId).and("resolved", PainFlagStatus.RESOLVED))
                .page(page)
                .list();
    }
}
