package org.backstrong.planner.accounts;

import java.util.Optional;

/**
 * Patients' sign-in accounts (users of the realm): finding an existing one of a clinic, and
 * inviting a new one. Anyone who is not a patient account of the asking clinic (no such user,
 * another clinic's, a member of staff) is the same empty answer, so nothing leaks across clinics.
 */
public interface PatientAccounts {

    /** The account with this user id, when it is a patient account of the clinic. */
    Optional<PatientAccount> byId(String clinicId, String userId);

    /** The account with this login name, when it is a patient account of the clinic. */
    Optional<PatientAccount> byUsername(String clinicId, String username);

    /**
     * A new account of the clinic with the patient role, a login name made from the display
     * name, and a one-time password that the patient must replace at the first sign-in.
     */
    Invitation invite(String clinicId, String displayName);

    /** Removes an account just invited whose enrolment then failed, so no half-made patient remains. */
    void withdraw(String userId);
}
