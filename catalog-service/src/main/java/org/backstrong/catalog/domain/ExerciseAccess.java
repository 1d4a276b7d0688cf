package org.backstrong.catalog.domain;

import java.util.EnumSet;
import java.util.Set;

import org.backstrong.catalog.security.Roles;

/**
 * Who may see and change which exercise. Global exercises are curated by admins; a clinic's
 * own exercises exist only for that clinic (anyone else is told they do not exist).
 */
public final class ExerciseAccess {

    private ExerciseAccess() {}

    /** Statuses of global exercises that appear in the viewer's listing. */
    public static Set<ExerciseStatus> listedGlobal(Viewer viewer) {
        return viewer.is(Roles.ADMIN)
                ? EnumSet.of(ExerciseStatus.DRAFT, ExerciseStatus.PUBLISHED)
                : EnumSet.of(ExerciseStatus.PUBLISHED);
    }

    /** Statuses of the viewer's own clinic's exercises that appear in the listing. */
    public static Set<ExerciseStatus> listedOwnClinic(Viewer viewer) {
        if (viewer.clinicId() == null) {
            return EnumSet.noneOf(ExerciseStatus.class);
        }
        return viewer.is(Roles.CLINICIAN)
                ? EnumSet.of(ExerciseStatus.DRAFT, ExerciseStatus.PUBLISHED)
                : EnumSet.of(ExerciseStatus.PUBLISHED);
    }

    /**
     * Whether the viewer may open one exercise by id. Retired ones stay readable to whoever
     * could once prescribe them, since plans still refer to their versions.
     */
    public static boolean canRead(Viewer viewer, ExerciseStatus status, String ownerClinic) {
        if (ownerClinic == null) {
            return status != ExerciseStatus.DRAFT || viewer.is(Roles.ADMIN);
        }
        if (!viewer.belongsTo(ownerClinic)) {
            return false;
        }
        return status != ExerciseStatus.DRAFT || viewer.is(Roles.CLINICIAN);
    }

    /** Whether the viewer may edit, publish or retire an exercise it can read. */
    public static boolean canCurate(Viewer viewer, String ownerClinic) {
        return ownerClinic == null
                ? viewer.is(Roles.ADMIN)
                : viewer.is(Roles.CLINICIAN) && viewer.belongsTo(ownerClinic);
    }

    /** Clinicians with a clinic create their clinic's exercises; admins create global ones. */
    public static boolean canCreate(Viewer viewer) {
        return viewer.is(Roles.ADMIN) || (viewer.is(Roles.CLINICIAN) && viewer.clinicId() != null);
    }

    /** The clinic a new exercise belongs to: the clinician's, or none (global) for an admin. */
    public static String ownerOfNew(Viewer viewer) {
        if (viewer.is(Roles.CLINICIAN) && viewer.clinicId() != null) {
            return viewer.clinicId();
        }
        if (viewer.is(Roles.ADMIN)) {
            return null;
        }
        throw new IllegalArgumentException("only clinicians with a clinic and admins create exercises");
    }
}
