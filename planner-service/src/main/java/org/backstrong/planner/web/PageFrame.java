package org.backstrong.planner.web;

import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;

/**
 * What every page's frame shows: who is signed in, the navigation for their role, and the
 * anti-forgery token its forms and scripts send back.
 */
public record PageFrame(String title, String username, String role, String csrf, String current) {

    public static PageFrame of(Caller caller, CsrfTokens tokens, String title, String current) {
        return new PageFrame(title, caller.username(), roleOf(caller), tokens.tokenFor(caller.subject(),
                caller.signInSession()), current);
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

    /** The role whose pages the caller sees; one user has one role in this realm. */
    static String roleOf(Caller caller) {
        for (String role : new String[] { Roles.CLINICIAN, Roles.PATIENT, Roles.ANALYST, Roles.ADMIN }) {
            if (caller.is(role)) {
                return role;
            }
        }
        return "none";
    }
}
