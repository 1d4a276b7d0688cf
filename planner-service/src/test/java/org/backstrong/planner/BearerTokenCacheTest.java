package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import org.backstrong.planner.security.CachedBearerIdentityProvider;
import org.backstrong.planner.security.VerifiedBearerTokens;
import org.backstrong.testinfra.Scrape;
import org.backstrong.testinfra.TestTokens;

/**
 * A bearer token verified once answers its next API requests from the cache, and a request answered
 * from it sees the same caller: subject, name, clinic and roles. A token changed in one character, an
 * expired one and the pages' tenant still go through quarkus-oidc.
 */
@QuarkusTest
class BearerTokenCacheTest {

    @Inject
    VerifiedBearerTokens tokens;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private Scrape scrape() {
        return new Scrape(
                given().when().get(metrics).then().statusCode(200).extract().asString());
    }

    @Test
    void answersTheTokensNextRequestsFromTheCacheAsTheCallerItNames() {
        String clara = PlanPagesTest.claraByName();
        String patient = enrol(clara);
        long before = tokens.hits();

        JsonPath plan = given().auth()
                .oauth2(clara)
                .contentType(ContentType.JSON)
                .body(Map.of("templateId", Clinic.BUILT_IN, "startDate", "2026-01-05", "weekdays", List.of(1, 3, 5)))
                .when()
                .post("/patients/" + patient + "/plans")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String itemId = plan.getString("items[2].id");
        given().auth()
                .oauth2(clara)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "prescription",
                        Map.of("sets", 2, "setsMax", 3, "repsMin", 8, "repsMax", 12, "loadKind", "kg", "loadKg", 17.5),
                        "reason",
                        "Handles 15 kg easily"))
                .when()
                .put("/plans/" + plan.getString("id") + "/items/" + itemId)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(clara)
                .when()
                .get("/plans/" + plan.getString("id") + "/audit")
                .then()
                .statusCode(200)
                .body("[1].changedBy", equalTo(Clinic.CLARA))
                .body("[1].changedByName", equalTo("Clara Clinician"));

        assertEquals(before + 3, tokens.hits(), "the three requests after the first were answered from the cache");
    }

    @Test
    void keepsEachTokensOwnClinicAndRoles() {
        String clara = Clinic.clara();
        String patient = enrol(clara);
        String colin = Clinic.colin();
        String aPatient = Clinic.patient(patient);
        long before = tokens.hits();

        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(clara)
                    .when()
                    .get("/patients/" + patient)
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(colin)
                    .when()
                    .get("/patients/" + patient)
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(aPatient)
                    .when()
                    .get("/patients/" + patient)
                    .then()
                    .statusCode(403);
        }

        // clara's was kept at the enrolment; colin's and the patient's on their first request.
        assertEquals(before + 4, tokens.hits());
    }

    @Inject
    @Any
    Instance<IdentityProvider<?>> providers;

    /** On a tie the providers' order is the order of discovery: the cache would then be asked after quarkus-oidc, never. */
    @Test
    void isAskedBeforeQuarkusOidcsProvider() {
        List<IdentityProvider<?>> others = providers.stream()
                .filter(provider -> provider.getRequestType() == TokenAuthenticationRequest.class)
                .filter(provider -> !(provider instanceof CachedBearerIdentityProvider))
                .toList();
        int ours = providers.select(CachedBearerIdentityProvider.class).get().priority();

        assertFalse(others.isEmpty(), "quarkus-oidc's provider is a bean");
        others.forEach(
                other -> assertTrue(ours > other.priority(), other.getClass().getName()));
    }

    @Test
    void countsHitsAndTokensKeptInTheMetrics() {
        Scrape before = scrape();
        String clara = Clinic.clara();
        given().auth().oauth2(clara).when().get("/patients").then().statusCode(200);
        given().auth().oauth2(clara).when().get("/patients").then().statusCode(200);
        given().auth().oauth2(clara).when().get("/patients").then().statusCode(200);
        Scrape after = scrape();

        assertEquals(
                2,
                after.sum("backstrong_bearer_token_cache_hits_total")
                        - before.sum("backstrong_bearer_token_cache_hits_total"));
        assertEquals(
                1,
                after.sum("backstrong_bearer_token_cache_kept_total")
                        - before.sum("backstrong_bearer_token_cache_kept_total"));
        assertTrue(after.has("backstrong_bearer_token_cache_entries"));
    }

    @Test
    void refusesATokenChangedInOneCharacterAfterTheOriginalWasKept() {
        String clara = Clinic.clara();
        given().auth().oauth2(clara).when().get("/patients").then().statusCode(200);
        given().auth().oauth2(clara).when().get("/patients").then().statusCode(200);

        int at = clara.length() - 10;
        String altered = clara.substring(0, at) + (clara.charAt(at) == 'A' ? 'B' : 'A') + clara.substring(at + 1);

        given().auth().oauth2(altered).when().get("/patients").then().statusCode(401);
    }

    @Test
    void stopsAnsweringATokenOnceItHasExpired() {
        String shortLived = Jwt.claims(
                        Map.of("realm_access", Map.of("roles", List.of("clinician")), "clinic_id", "clinic-a"))
                .subject(Clinic.CLARA)
                .issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE)
                .expiresIn(3)
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
        given().auth().oauth2(shortLived).when().get("/patients").then().statusCode(200);
        long before = tokens.hits();
        given().auth().oauth2(shortLived).when().get("/patients").then().statusCode(200);
        assertEquals(before + 1, tokens.hits());

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> given().auth()
                        .oauth2(shortLived)
                        .when()
                        .get("/patients")
                        .then()
                        .statusCode(401));
    }

    @Test
    void leavesThePagesTenantToQuarkusOidc() {
        String clara = Clinic.clara();
        given().auth().oauth2(clara).when().get("/patients").then().statusCode(200);
        long before = tokens.hits();

        given().auth().oauth2(clara).when().get("/app/clinic").then().statusCode(200);

        assertEquals(
                before, tokens.hits(), "a page request is verified by the web tenant, not answered from the cache");
    }

    private static String enrol(String clinician) {
        String id = java.util.UUID.randomUUID().toString();
        given().auth()
                .oauth2(clinician)
                .contentType(ContentType.JSON)
                .body(Map.of("id", id, "displayName", "Cached Caller", "preExistingCondition", false))
                .when()
                .post("/patients")
                .then()
                .statusCode(201);
        return id;
    }
}
