package org.backstrong.planner.accounts;

/**
 * A new patient account and what the clinician hands over: the login name and a one-time
 * password, which the patient replaces at the first sign-in. The password is shown once and
 * never stored by planner.
 */
public record Invitation(String userId, String username, String oneTimePassword) {

    @Override
    public String toString() {
        return "Invitation[userId=" + userId + ", username=" + username + "]";
    }
}
