package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.OffsetDateTime;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.backstrong.planner.domain.Patient;
import org.backstrong.planner.repository.PatientRepository;
import org.backstrong.testinfra.TestTokens;

@QuarkusTest
class PatientResourceTest {

    private static final String CLARA = "11111111-1111-4111-8111-000000000001";
    private static final String COLIN = "11111111-1111-4111-8111-000000000002";
    // Clinics of this class alone: other tests enrol patients in clinic-a of the shared database.
    private static final String CLINIC_A = "roster-clinic-a";
    private static final String CLINIC_B = "roster-clinic-b";
    private static final String PAUL = "22222222-2222-4222-8222-0000000000a1";
    private static final String PETRA = "22222222-2222-4222-8222-0000000000a2";
    private static final String PIA = "22222222-2222-4222-8222-0000000000b1";

    @Inject
    PatientRepository patients;

    @BeforeEach
    @Transactional
    void twoClinicsWithTheirPatients() {
        enrol(PAUL, CLINIC_A, "Paul Patient");
        enrol(PETRA, CLINIC_A, "Petra Patient");
        enrol(PIA, CLINIC_B, "Pia Patient");
    }

    private void enrol(String id, String clinicId, String name) {
        if (patients.findById(id) == null) {
            Patient patient = new Patient();
            patient.id = id;
            patient.clinicId = clinicId;
            patient.displayName = name;
            patient.enrolledAt = OffsetDateTime.now();
            patient.enrolledBy = CLARA;
            patients.persist(patient);
        }
    }

    @Test
    void answers401WithoutAToken() {
        given().when().get("/patients").then().statusCode(401);
    }

    @Test
    void answers403ToAPatient() {
        given().auth()
                .oauth2(TestTokens.patient(PAUL, CLINIC_A))
                .when()
                .get("/patients")
                .then()
                .statusCode(403);
    }

    @Test
    void answers403ToAClinicianWithoutAClinic() {
        given().auth()
                .oauth2(TestTokens.token(CLARA, null, "clinician"))
                .when()
                .get("/patients")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void listsOnlyTheCallersClinicFromTheDatabase() {
        given().auth()
                .oauth2(TestTokens.clinician(CLARA, CLINIC_A))
                .when()
                .get("/patients")
                .then()
                .statusCode(200)
                .body("id", contains(PAUL, PETRA))
                .body("[0].displayName", equalTo("Paul Patient"));
        given().auth()
                .oauth2(TestTokens.clinician(COLIN, CLINIC_B))
                .when()
                .get("/patients")
                .then()
                .statusCode(200)
                .body("id", contains(PIA));
    }

    @Test
    void pagesThePatientList() {
        given().auth()
                .oauth2(TestTokens.clinician(CLARA, CLINIC_A))
                .queryParam("size", 1)
                .queryParam("page", 1)
                .when()
                .get("/patients")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(PETRA));
    }

    @Test
    void rejectsAZeroPageSizeNamingTheField() {
        given().auth()
                .oauth2(TestTokens.clinician(CLARA, CLINIC_A))
                .queryParam("size", 0)
                .when()
                .get("/patients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("size"));
    }
}
