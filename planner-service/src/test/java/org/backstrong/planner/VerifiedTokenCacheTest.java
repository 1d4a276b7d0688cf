package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.backstrong.planner.SetLoggingTest.Patient;
import org.backstrong.planner.security.VerifiedTokens;
import org.backstrong.testinfra.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/**
 * A bearer token verified once answers its next requests from VerifiedTokens, with the same roles and
 * subject; an altered or expired token is refused however it was kept.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void aVerifiedTokenIsNotCheckedAgainForItsNextRequests() {
        Patient patient = SetLoggingTest.patientWithPlan(0);
        today(patient.token(), 200);
        long hits = tokens.hits();
        today(patient.token(), 200);
        today(patient.token(), 200);
        assertEquals(hits + 2, tokens.hits());
    }

    @Test
    void aKeptTokenKeepsItsRolesAndSubject() {
        Patient patient = SetLoggingTest.patientWithPlan(0);
        today(patient.token(), 200);
        long hits = tokens.hits();
        given().auth().oauth2(patient.token()).when().get("/patients").then().statusCode(403);
        Patient other = SetLoggingTest.patientWithPlan(0);
        given().auth().oauth2(patient.token()).when().get("/me/sessions/today").then().statusCode(200)
                .body("planId", org.hamcrest.Matchers.equalTo(patient.planId()));
        today(other.token(), 200);
        assertEquals(hits + 2, tokens.hits(), "the refused and the own request came from the cache");
    }

    @Test
    void anAlteredTokenIsRefusedThoughTheOriginalIsKept() {
        Patient patient = SetLoggingTest.patientWithPlan(0);
        today(patient.token(), 200);
        String token = patient.token();
        char last = token.charAt(token.length() - 2);
        String altered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        today(altered, 401);
        String otherClaims = TestTokens.patient(patient.id(), "clinic-b");
        today(otherClaims.substring(0, otherClaims.lastIndexOf('.')) + token.substring(token.lastIndexOf('.')), 401);
    }

    @Test
    void anExpiredTokenIsRefusedThoughItWasKept() {
        Patient patient = SetLoggingTest.patientWithPlan(0);
        Instant expires = Instant.now().plusSeconds(3);
        String shortLived = Jwt.claims(Map.of("realm_access", Map.of("roles", List.of("patient")), "clinic_id", "clinic-a"))
                .subject(patient.id())
                .issuer(TestTokens.ISSUER)
                .audience("account")
                .expiresAt(expires)
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
        today(shortLived, 200);
        today(shortLived, 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expires.plusMillis(1100)));
        today(shortLived, 401);
    }

    private static void today(String token, int status) {
        given().auth().oauth2(token).when().get("/me/sessions/today").then().statusCode(status);
    }
}
