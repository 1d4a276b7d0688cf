package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import org.backstrong.testinfra.TestTokens;

/** With BACKSTRONG_DEMO_DATA=true the demo realm's patients exist, under their Keycloak subjects. */
@QuarkusTest
@TestProfile(DemoDataTest.WithDemoData.class)
class DemoDataTest {

    public static class WithDemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backstrong.demo-data", "true");
        }
    }

    @Test
    void loadsTheDemoPatientsOfEachClinic() {
        given().auth()
                .oauth2(TestTokens.clinician("11111111-1111-4111-8111-000000000001", "clinic-a"))
                .when()
                .get("/patients")
                .then()
                .statusCode(200)
                .body("id", hasItems("22222222-2222-4222-8222-000000000001", "22222222-2222-4222-8222-000000000002"))
                .body("displayName", hasItems("Paul Patient", "Petra Patient"));
        given().auth()
                .oauth2(TestTokens.clinician("11111111-1111-4111-8111-000000000002", "clinic-b"))
                .when()
                .get("/patients")
                .then()
                .statusCode(200)
                .body("id", hasItems("22222222-2222-4222-8222-000000000003"));
    }

    @Test
    void givesPaulTheBuiltInPlanWithASessionToday() {
        given().auth()
                .oauth2(TestTokens.patient("22222222-2222-4222-8222-000000000001", "clinic-a"))
                .when()
                .get("/me/sessions/today")
                .then()
                .statusCode(200)
                .body("planName", org.hamcrest.Matchers.equalTo("Back strength — 4 weeks"))
                .body("scheduled", org.hamcrest.Matchers.equalTo(true))
                .body("items[0].exerciseId", org.hamcrest.Matchers.equalTo("light-cardio"));
    }

    /** Paul's plan starts this week's Monday: his RMDQ at the baseline; the follow-up comes two weeks later. */
    @Test
    void givesPaulAnRmdqAtTheBaseline() {
        given().auth()
                .oauth2(TestTokens.clinician("11111111-1111-4111-8111-000000000001", "clinic-a"))
                .when()
                .get("/patients/22222222-2222-4222-8222-000000000001/outcomes")
                .then()
                .statusCode(200)
                .body("measure", org.hamcrest.Matchers.hasItem("RMDQ"))
                .body("occasion[0]", org.hamcrest.Matchers.equalTo("BASELINE"))
                .body("basis[0]", org.hamcrest.Matchers.equalTo("RMDQ: 14 of 24 statements ticked"));
    }

    /** Analysts see no group of fewer than five patients: the demo's clinic-a has five on plans. */
    @Test
    void givesFivePatientsOfClinicAAPlanSoTheAnalystsDashboardShowsThem() {
        for (String patient : java.util.List.of(
                "22222222-2222-4222-8222-000000000001",
                "22222222-2222-4222-8222-000000000002",
                "22222222-2222-4222-8222-000000000004",
                "22222222-2222-4222-8222-000000000005",
                "22222222-2222-4222-8222-000000000006")) {
            given().auth()
                    .oauth2(TestTokens.clinician("11111111-1111-4111-8111-000000000001", "clinic-a"))
                    .when()
                    .get("/patients/" + patient + "/plans")
                    .then()
                    .statusCode(200)
                    .body("size()", org.hamcrest.Matchers.equalTo(1))
                    .body("[0].name", org.hamcrest.Matchers.equalTo("Back strength — 4 weeks"));
        }
    }
}
