package org.backstrong.progress.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.backstrong.progress.domain.PainFlag;
import org.backstrong.progress.domain.PainFlagStatus;
import org.backstrong.progress.domain.progression.FlagCall;
import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.event.PainFlagResolved;
import org.backstrong.progress.event.PainFlagged;
import org.backstrong.progress.repository.PainFlagRepository;

/** Raises pain flags from the rules and lets clinicians acknowledge and resolve them; each change is published. */
@ApplicationScoped
public class PainFlags {

    /** Where a flag is about: a plan item, or the whole plan when itemId and exerciseId are null. */
    public record Subject(String patientId, String clinicId, UUID planId, UUID itemId, String exerciseId) {}

    private final PainFlagRepository flags;
    private final Outbox outbox;
    private final EventMetrics metrics;

    public PainFlags(PainFlagRepository flags, Outbox outbox, EventMetrics metrics) {
        this.flags = flags;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** Raises the flag unless the same rule already has an unresolved flag on the same item (or plan). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raise(FlagCall call, Subject on, OffsetDateTime at) {
        if (flags.unresolvedExists(on.patientId(), on.itemId(), call.rule().name())) {
            Log.infof(
                    "Pain flag %s not raised again for patient %s item %s: one is still open",
                    call.rule(), on.patientId(), on.itemId());
            return;
        }
        PainFlag flag = new PainFlag();
        flag.id = UUID.randomUUID();
        flag.clinicId = on.clinicId();
        flag.patientId = on.patientId();
        flag.planId = on.planId();
        flag.itemId = on.itemId();
        flag.exerciseId = on.exerciseId();
        flag.severity = call.severity();
        flag.status = PainFlagStatus.OPEN;
        flag.rule = call.rule().name();
        flag.evidence = call.evidence();
        flag.raisedAt = at;
        flags.persist(flag);
        metrics.flagRaised(call.rule());
        outbox.publish(
                EventTypes.PAIN_FLAGGED,
                flag.patientId,
                new PainFlagged(
                        flag.id,
                        flag.patientId,
                        flag.clinicId,
                        flag.planId,
                        flag.itemId,
                        flag.exerciseId,
                        flag.severity.name(),
                        flag.rule,
                        flag.evidence,
                        flag.raisedAt));
        // Not the evidence: it may quote the patient's own words, which stay out of the logs.
        Log.infof(
                "Pain flag %s %s %s raised for patient %s plan %s item %s",
                flag.id, flag.severity, flag.rule, flag.patientId, flag.planId, flag.itemId);
    }

    /** Someone is on it; the flag stays unresolved. */
    @Transactional
    public PainFlag acknowledge(String clinicId, UUID flagId, String clinician) {
        PainFlag flag = ofClinic(clinicId, flagId);
        if (flag.resolved()) {
            throw new FlagStateException("The flag is resolved already");
        }
        if (flag.status == PainFlagStatus.OPEN) {
            flag.status = PainFlagStatus.ACKNOWLEDGED;
            flag.acknowledgedBy = clinician;
            flag.acknowledgedAt = OffsetDateTime.now(ZoneOffset.UTC);
            Log.infof("Pain flag %s acknowledged by %s", flag.id, clinician);
        }
        return flag;
    }

    /** Closes the flag with the clinician's note; a STOP's exercise may progress again. */
    @Transactional
    public PainFlag resolve(String clinicId, UUID flagId, String clinician, String note) {
        PainFlag flag = ofClinic(clinicId, flagId);
        if (flag.resolved()) {
            throw new FlagStateException("The flag is resolved already");
        }
        flag.status = PainFlagStatus.RESOLVED;
        flag.resolvedBy = clinician;
        flag.resolvedAt = OffsetDateTime.now(ZoneOffset.UTC);
        flag.resolutionNote = note;
        outbox.publish(
                EventTypes.PAIN_FLAG_RESOLVED,
                flag.patientId,
                new PainFlagResolved(
                        flag.id,
                        flag.patientId,
                        flag.clinicId,
                        flag.planId,
                        flag.itemId,
                        flag.exerciseId,
                        flag.severity.name(),
                        clinician,
                        note,
                        flag.resolvedAt));
        Log.infof("Pain flag %s resolved by %s", flag.id, clinician);
        return flag;
    }

    /** Another clinic's flag is answered as missing, so ids do not leak. */
    private PainFlag ofClinic(String clinicId, UUID flagId) {
        PainFlag flag = flags.findById(flagId);
        if (flag == null || !flag.clinicId.equals(clinicId)) {
            throw new NotFoundException("No such pain flag");
        }
        return flag;
    }
}
