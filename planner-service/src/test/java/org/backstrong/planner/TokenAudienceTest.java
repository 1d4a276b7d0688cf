package org.backstrong.planner;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.backstrong.testinfra.TestTokens;

/**
 * Only tokens issued for Backstrong pass, on the API and on the pages (the web tenant takes bearer
 * tokens too): a realm's token for another audience is refused like no token.
 */
@QuarkusTest
class TokenAudienceTest {

    private static final String OTHER_AUDIENCE = "account";

    @Test
    void acceptsATokenForBackstrongOnTheApiAndThePages() {
        given().auth().oauth2(Clinic.clara()).when().get("/patients").then().statusCode(200);
        given().auth().oauth2(Clinic.clara()).when().get("/app/clinic").then().statusCode(200);
    }

    @Test
    void refusesAValidlySignedTokenForAnotherAudienceOnTheApi() {
        String token = TestTokens.forAudience(OTHER_AUDIENCE, Clinic.CLARA, "clinic-a", "clinician");

        given().auth().oauth2(token).when().get("/patients").then().statusCode(401);
    }

    @Test
    void refusesAValidlySignedTokenForAnotherAudienceOnThePages() {
        String token = TestTokens.forAudience(OTHER_AUDIENCE, Clinic.CLARA, "clinic-a", "clinician");

        given().auth()
                .oauth2(token)
                .redirects()
                .follow(false)
                .when()
                .get("/app/clinic")
                .then()
                .statusCode(401);
    }
}
