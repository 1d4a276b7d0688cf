package org.backstrong.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExerciseAccessTest {

    private static Viewer viewer(String role, String clinic) {
        return new Viewer("someone", Set.of(role), "-".equals(clinic) ? null : clinic);
    }

    private static String owner(String clinic) {
        return "-".equals(clinic) ? null : clinic;
    }

    @ParameterizedTest(name = "{0} of {1} reads a {2} exercise of {3}: {4}")
    @CsvSource({
        // role,     viewer clinic, status,    owner clinic, may read
        "patient,    clinic-a,      PUBLISHED, -,            true",
        "patient,    clinic-a,      DRAFT,     -,            false",
        "patient,    clinic-a,      RETIRED,   -,            true",
        "analyst,    -,             PUBLISHED, -,            true",
        "admin,      -,             DRAFT,     -,            true",
        "clinician,  clinic-a,      DRAFT,     -,            false",
        "clinician,  clinic-a,      DRAFT,     clinic-a,     true",
        "clinician,  clinic-b,      PUBLISHED, clinic-a,     false",
        "patient,    clinic-a,      PUBLISHED, clinic-a,     true",
        "patient,    clinic-a,      DRAFT,     clinic-a,     false",
        "patient,    clinic-b,      PUBLISHED, clinic-a,     false",
        "admin,      -,             PUBLISHED, clinic-a,     false",
        "analyst,    -,             PUBLISHED, clinic-a,     false",
        "clinician,  clinic-a,      RETIRED,   clinic-a,     true",
    })
    void readsOnlyWhatTheViewersClinicAndRoleAllow(
            String role, String clinic, ExerciseStatus status, String ownerClinic, boolean mayRead) {
        assertEquals(mayRead, ExerciseAccess.canRead(viewer(role, clinic), status, owner(ownerClinic)));
    }

    @ParameterizedTest(name = "{0} of {1} curates an exercise of {2}: {3}")
    @CsvSource({
        "admin,      -,        -,        true",
        "admin,      -,        clinic-a, false",
        "clinician,  clinic-a, clinic-a, true",
        "clinician,  clinic-b, clinic-a, false",
        "clinician,  clinic-a, -,        false",
        "patient,    clinic-a, clinic-a, false",
        "analyst,    -,        -,        false",
    })
    void letsAdminsCurateGlobalAndCliniciansTheirClinics(
            String role, String clinic, String ownerClinic, boolean mayCurate) {
        assertEquals(mayCurate, ExerciseAccess.canCurate(viewer(role, clinic), owner(ownerClinic)));
    }

    @ParameterizedTest(name = "{0} of {1} creates: {2}, owned by {3}")
    @CsvSource({
        "admin,      -,        true,  -",
        "clinician,  clinic-a, true,  clinic-a",
        "clinician,  -,        false, -",
        "patient,    clinic-a, false, -",
    })
    void ownsNewExercisesByTheCreatorsClinic(String role, String clinic, boolean mayCreate, String expectedOwner) {
        Viewer viewer = viewer(role, clinic);
        assertEquals(mayCreate, ExerciseAccess.canCreate(viewer));
        if (mayCreate) {
            assertEquals(owner(expectedOwner), ExerciseAccess.ownerOfNew(viewer));
        }
    }
}
