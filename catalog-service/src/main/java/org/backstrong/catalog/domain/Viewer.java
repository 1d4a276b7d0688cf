package org.backstrong.catalog.domain;

import java.util.Set;

/** Who looks at the library: their roles and, for clinic staff and patients, their clinic. */
public record Viewer(String subject, Set<String> roles, String clinicId) {

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean belongsTo(String clinic) {
        return clinicId != null && clinicId.equals(clinic);
    }
}
