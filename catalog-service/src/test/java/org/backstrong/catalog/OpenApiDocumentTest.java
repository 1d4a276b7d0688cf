package org.backstrong.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Path;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.backstrong.catalog.rest.ExerciseResource;
import org.backstrong.catalog.rest.VocabularyResource;
import org.backstrong.testinfra.OpenApiCoverage;
import org.backstrong.testinfra.OpenApiLint;

/** /q/openapi describes the API as it answers: complete for its consumers, and what the service really does. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void passesRedoclyLintWithTheRecommendedRules() {
        String document = given().accept(ContentType.JSON)
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        OpenApiLint.assertClean(document, Path.of("target", "openapi", "catalog-service.json"));
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
        OpenApiCoverage.assertDescribes(document, ExerciseResource.class, VocabularyResource.class);
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
                .body("paths.'/exercises/{id}'.put.security[0].keycloak", containsInAnyOrder("clinician", "admin"))
                .body(
                        "paths.'/exercises'.get.security[0].keycloak",
                        containsInAnyOrder("clinician", "patient", "analyst", "admin"))
                .body("servers.url", contains("/"));
    }

    @Test
    void describesBodiesAndProblemsAsTheyAre() {
        given().accept(ContentType.JSON)
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/exercises'.post.requestBody.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/ExerciseInput"))
                .body(
                        "paths.'/exercises'.post.responses.'201'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/ExerciseDocument"))
                .body(
                        "paths.'/exercises'.get.responses.'200'.content.'application/json'.schema.items.$ref",
                        equalTo("#/components/schemas/ExerciseSummary"))
                .body(
                        "paths.'/exercises/{id}'.put.responses.'428'.content.'" + PROBLEM + "'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body(
                        "paths.'/exercises/{id}/publish'.post.responses.'412'.content.'" + PROBLEM + "'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body(
                        "paths.'/exercises/{id}'.get.responses.'404'.content.'" + PROBLEM + "'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body(
                        "paths.'/exercises'.get.responses.'400'.content.'" + PROBLEM + "'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body(
                        "paths.'/exercises'.post.responses.'415'.content.'" + PROBLEM + "'.schema.$ref",
                        equalTo("#/components/schemas/Problem"));
    }

    /** The answers the document promises for every operation, checked against the service itself. */
    @Test
    void answersTheProblemsItDocuments() {
        given().when()
                .get("/exercises/lat-pulldown")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body(emptyString());
        given().auth()
                .oauth2(Users.paul())
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/exercises")
                .then()
                .statusCode(403)
                .body(emptyString());
        given().auth()
                .oauth2(Users.anna())
                .when()
                .get("/exercises/no-such-exercise")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("status", equalTo(404));
        given().auth()
                .oauth2(Users.anna())
                .queryParam("sort", "colour")
                .when()
                .get("/exercises")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("field", equalTo("sort"));
        given().auth()
                .oauth2(Users.adam())
                .contentType(ContentType.TEXT)
                .body("squat")
                .when()
                .post("/exercises")
                .then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("status", equalTo(415));
    }
}
