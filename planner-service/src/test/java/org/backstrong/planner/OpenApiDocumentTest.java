package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Path;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.backstrong.planner.rest.CalendarFeedResource;
import org.backstrong.planner.rest.ClinicQuestionnaireResource;
import org.backstrong.planner.rest.FhirResource;
import org.backstrong.planner.rest.MeResource;
import org.backstrong.planner.rest.MyCalendarFeedResource;
import org.backstrong.planner.rest.MyOutcomesResource;
import org.backstrong.planner.rest.PatientResource;
import org.backstrong.planner.rest.PlanResource;
import org.backstrong.planner.rest.RtmResource;
import org.backstrong.planner.rest.TemplateResource;
import org.backstrong.planner.web.PlanPrintPage;
import org.backstrong.testinfra.OpenApiCoverage;
import org.backstrong.testinfra.OpenApiLint;

/** /q/openapi describes the JSON API as it answers: complete for its consumers, and what the service really does. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Test
    void passesRedoclyLintWithTheRecommendedRules() {
        String document = given().accept(ContentType.JSON)
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        OpenApiLint.assertClean(document, Path.of("target", "openapi", "planner-service.json"));
    }

    @Test
    void leavesThePagesOut() {
        given().accept(ContentType.JSON)
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", not(hasKey("/")))
                .body("paths", not(hasKey("/app")))
                .body("paths", not(hasKey("/app/api/me/sets")))
                .body("paths", not(hasKey("/app/clinic/patients")))
                .body("paths", hasKey("/me/sets"));
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
                FhirResource.class,
                MeResource.class,
                MyCalendarFeedResource.class,
                MyOutcomesResource.class,
                ClinicQuestionnaireResource.class,
                CalendarFeedResource.class,
                PatientResource.class,
                PlanResource.class,
                PlanPrintPage.class,
                RtmResource.class,
                TemplateResource.class);
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
                .body("paths.'/me/sets'.post.security[0].keycloak", contains("patient"))
                .body("paths.'/plans/{id}/pause'.post.security[0].keycloak", contains("clinician"))
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
                        "paths.'/me/sets'.post.requestBody.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/SetInput"))
                .body(
                        "paths.'/me/sets'.post.responses.'201'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/SetView"))
                .body(
                        "paths.'/me/sets'.post.responses.'503'.content.'" + PROBLEM + "'.schema.$ref",
                        equalTo(PROBLEM_SCHEMA))
                .body("paths.'/me/sets'.post.responses.'503'.headers", hasKey("Retry-After"))
                .body(
                        "paths.'/me/sets'.post.responses.'422'.content.'" + PROBLEM + "'.schema.$ref",
                        equalTo(PROBLEM_SCHEMA))
                .body(
                        "paths.'/patients/{id}/plans'.post.responses.'201'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/PlanView"))
                .body(
                        "paths.'/patients/{id}/plans'.post.responses.'409'.content.'" + PROBLEM + "'.schema.$ref",
                        equalTo(PROBLEM_SCHEMA))
                .body(
                        "paths.'/templates'.post.responses.'422'.content.'" + PROBLEM + "'.schema.$ref",
                        equalTo(PROBLEM_SCHEMA))
                .body("paths.'/plans/{id}/print'.get.responses.'200'.content", hasKey("text/html"))
                .body(
                        "paths.'/plans/{id}'.get.responses.'404'.content.'" + PROBLEM + "'.schema.$ref",
                        equalTo(PROBLEM_SCHEMA));
    }

    /** The answers the document promises for every operation, checked against the service itself. */
    @Test
    void answersTheProblemsItDocuments() {
        given().when()
                .get("/templates")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body(emptyString());
        given().auth()
                .oauth2(Clinic.patient(UUID.randomUUID().toString()))
                .when()
                .get("/templates")
                .then()
                .statusCode(403)
                .body(emptyString());
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("status", equalTo(404));
        given().auth()
                .oauth2(Clinic.clara())
                .queryParam("size", "none")
                .when()
                .get("/patients")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("field", equalTo("size"));
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.TEXT)
                .body("x")
                .when()
                .post("/templates")
                .then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("status", equalTo(415));
    }
}
