package org.backstrong.planner.web;

import io.quarkus.arc.Arc;

import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;

/**
 * What every page's frame shows: who is signed in, the navigation for their role (for clinicians
 * with the number of open pain flags, null when unknown), and the anti-forgery token its forms and
 * scripts send back.
 */
public record PageFrame(String title, String username, String role, String csrf, String current, Long openFlags) {

    public static PageFrame of(Caller caller, CsrfTokens tokens, String title, String current) {
        String role = roleOf(caller);
        // Looked up here rather than passed in, so every page's resource keeps building its frame in one call.
        Long openFlags = Roles.CLINICIAN.equals(role) && caller.clinicId().isPresent()
                ? Arc.container().instance(OpenFlagCounts.class).get().of(caller.clinic())
                : null;
        return new PageFrame(
                title,
                caller.username(),
                role,
                tokens.tokenFor(caller.subject(), caller.signInSession()),
                current,
                openFlags);
    }

    public boolean patient() {
        return Roles.PATIENT.equals(role);
    }

    public boolean clinician() {
        return Roles.CLINICIAN.equals(role);
    }

    public boolean analyst() {
        return Roles.ANALYST.equals(role);
    }

    public boolean admin() {
        return Roles.ADMIN.equals(role);
    }

    /** Whether the navigation shows a number of open flags (there are some, and progress-service said how many). */
    public boolean flagsWaiting() {
        return openFlags != null && openFlags > 0;
    }

    /** The role whose pages the caller sees; one user has one role in this realm. */
    static String roleOf(Caller caller) {
        for (String role : new String[] {Roles.CLINICIAN, Roles.PATIENT, Roles.ANALYST, Roles.ADMIN}) {
            if (caller.is(role)) {
                return role;
            }
        }
        return "none";
    }
}
