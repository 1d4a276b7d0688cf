package org.backstrong.progress;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.backstrong.testinfra.TestTokens;

/** Only tokens issued for Backstrong pass: a realm's token for another audience is refused like no token. */
@QuarkusTest
class TokenAudienceTest {

    private static final String CLINICIAN = "11111111-1111-4111-8111-0000000000a7";

    @Test
    void acceptsATokenForBackstrong() {
        given().auth()
                .oauth2(TestTokens.clinician(CLINICIAN, "clinic-a"))
                .when()
                .get("/pain-flags")
                .then()
                .statusCode(200);
    }

    @Test
    void refusesAValidlySignedTokenForAnotherAudience() {
        String accountConsole = TestTokens.forAudience("account", CLINICIAN, "clinic-a", "clinician");

        given().auth().oauth2(accountConsole).when().get("/pain-flags").then().statusCode(401);
    }
}
