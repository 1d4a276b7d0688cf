package org.backstrong.catalog;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.backstrong.testinfra.TestTokens;

/** Only tokens issued for Backstrong pass: a realm's token for another audience is refused like no token. */
@QuarkusTest
class TokenAudienceTest {

    @Test
    void acceptsATokenForBackstrong() {
        given().auth().oauth2(Users.clara()).when().get("/exercises").then().statusCode(200);
    }

    @Test
    void refusesAValidlySignedTokenForAnotherAudience() {
        String accountConsole = TestTokens.forAudience("account", Users.CLARA_ID, "clinic-a", "clinician");

        given().auth().oauth2(accountConsole).when().get("/exercises").then().statusCode(401);
    }
}
