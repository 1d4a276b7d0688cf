package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Path;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.rest.AdherenceResource;
import org.backstrong.progress.rest.PainFlagResource;
import org.backstrong.progress.rest.PatientAdherenceResource;
import org.backstrong.progress.rest.PatientOutcomesResource;
import org.backstrong.progress.rest.TimelineResource;
import org.backstrong.testinfra.OpenApiCoverage;
import org.backstrong.testinfra.OpenApiLint;
import org.backstrong.testinfra.TestTokens;

/** /q/openapi describes the API as it answers: complete for its consumers, and what the service really does. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final String CLARA = "11111111-1111-4111-8111-0000000000e1";
    private static final String ANNA = "33333333-3333-4333-8333-0000000000e1";

    @Test
    void passesRedoclyLintWithTheRecommendedRules() {
        String document = given().accept(ContentType.JSON)
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        OpenApiLint.assertClean(document, Path.of("target", "openapi", "progress-service.json"));
    }

    @Test
    void describesEveryResourceMethodWithItsPathParametersAndBody() {
        String document = given().accept(ContentType.JSON)
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        OpenApiCoverage.assertDescribes(
                document,
                AdherenceResource.class,
                PainFlagResource.class,
                PatientAdherenceResource.class,
                PatientOutcomesResource.class,
                TimelineResource.class);
    }

    @Test
    void declaresTheRealmAndTheRolesOfEachOperation() {
        given().accept(ContentType.JSON)
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.securitySchemes.keycloak.type", equalTo("openIdConnect"))
                .body(
                        "components.securitySchemes.keycloak.openIdConnectUrl",
                        endsWith("/.well-known/openid-configuration"))
                .body("paths.'/adherence'.get.security[0].keycloak", contains("analyst"))
                .body("paths.'/pain-flags/{id}/resolve'.post.security[0].keycloak", contains("clinician"))
                .body("paths.'/patients/{id}/adherence'.get.security[0].keycloak", contains("clinician"))
                .body("servers.url", contains("/"));
    }

    @Test
    void describesBodiesAndProblemsAsTheyAre() {
        given().accept(ContentType.JSON)
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/adherence'.get.responses.'200'.content", hasKey("text/csv"))
                .body(
                        "paths.'/adherence'.get.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/Report"))
                .body(
                        "paths.'/pain-flags/{id}/resolve'.post.requestBody.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/Resolution"))
                .body(
                        "paths.'/pain-flags/{id}/resolve'.post.responses.'409'.content.'" + PROBLEM + "'.schema.$ref",
                        equalTo(PROBLEM_SCHEMA))
                .body(
                        "paths.'/patients/{id}/timeline'.get.responses.'404'.content.'" + PROBLEM + "'.schema.$ref",
                        equalTo(PROBLEM_SCHEMA))
                .body(
                        "paths.'/adherence'.get.responses.'400'.content.'" + PROBLEM + "'.schema.$ref",
                        equalTo(PROBLEM_SCHEMA));
    }

    /** The answers the document promises for every operation, checked against the service itself. */
    @Test
    void answersTheProblemsItDocuments() {
        given().when()
                .get("/pain-flags")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body(emptyString());
        given().auth()
                .oauth2(TestTokens.analyst(ANNA))
                .when()
                .get("/pain-flags")
                .then()
                .statusCode(403)
                .body(emptyString());
        String clara = TestTokens.clinician(CLARA, "clinic-a");
        given().auth()
                .oauth2(clara)
                .when()
                .post("/pain-flags/" + UUID.randomUUID() + "/acknowledge")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("status", equalTo(404));
        given().auth()
                .oauth2(TestTokens.analyst(ANNA))
                .queryParam("groupBy", "colour")
                .when()
                .get("/adherence")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("field", equalTo("groupBy"));
        given().auth()
                .oauth2(clara)
                .contentType(ContentType.TEXT)
                .body("x")
                .when()
                .post("/pain-flags/" + UUID.randomUUID() + "/resolve")
                .then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("status", equalTo(415));
    }
}
