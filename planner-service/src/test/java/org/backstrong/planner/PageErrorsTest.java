package org.backstrong.planner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.backstrong.testinfra.TestTokens;

/** Errors a browser gets are pages in the app's frame with a way back; scripts and the API keep problem details. */
@QuarkusTest
class PageErrorsTest {

    @Test
    void aPageOfAnotherRoleIsA403PageWithAWayBack() {
        Document page = errorPage(Clinic.patient(UUID.randomUUID().toString()), "/app/clinic", 403);
        assertEquals("403", page.selectFirst("[data-testid=error-page]").attr("data-status"));
        assertEquals("/app", page.selectFirst("a[data-testid=back-home]").attr("href"));
        assertNotNull(page.selectFirst("a[href=/app/me/today]"), "the patient's own navigation");
        errorPage(TestTokens.analyst("analyst-1"), "/app/catalog", 403);
    }

    @Test
    void anotherClinicsPatientIsA404PageLikeOneThatDoesNotExist() {
        String claras = Clinic.enrolNewPatient();
        Document other = errorPage(Clinic.colin(), "/app/clinic/patients/" + claras, 404);
        Document nobody = errorPage(Clinic.colin(), "/app/clinic/patients/" + UUID.randomUUID(), 404);
        assertEquals(
                nobody.selectFirst("main").text(), other.selectFirst("main").text());
        assertTrue(other.selectFirst("a[data-testid=back-home]") != null);
    }

    @Test
    void theApiAndTheScriptsKeepProblemDetailsUnlessHtmlIsAskedFor() {
        given().auth()
                .oauth2(Clinic.colin())
                .when()
                .get("/patients/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Clinic.clara())
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/app/api/me/sets")
                .then()
                .statusCode(403)
                .contentType(org.hamcrest.Matchers.not(containsString("text/html")));
        Document page = Jsoup.parse(given().auth()
                .oauth2(Clinic.colin())
                .accept("text/html,*/*;q=0.8")
                .when()
                .get("/patients/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
        assertNotNull(page.selectFirst("[data-testid=error-page]"));
    }

    @Test
    void aSearchTheCatalogRefusesIsToldAsItsRefusalNotAsAnOutage() {
        CatalogStub.server()
                .stubFor(
                        get(urlPathEqualTo("/exercises"))
                                .withQueryParam("equipment", equalTo("home"))
                                .willReturn(
                                        aResponse()
                                                .withStatus(400)
                                                .withHeader("Content-Type", "application/problem+json")
                                                .withBody(
                                                        "{\"type\":\"https://backstrong.org/problems/invalid-input\",\"title\":\"Invalid input\","
                                                                + "\"status\":400,\"detail\":\"equipment: unknown equipment: home\",\"field\":\"equipment\"}")));
        Document page = Jsoup.parse(given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/app/catalog?equipment=home")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
        assertTrue(
                page.selectFirst("[data-testid=catalog-refused]")
                        .text()
                        .startsWith("No exercise uses the equipment 'home'"),
                page.selectFirst("[data-testid=catalog-refused]").text());
        assertNull(page.selectFirst("[data-testid=catalog-unavailable]"));
        assertNotNull(page.selectFirst("form[data-testid=catalog-filters]"), "the filters stay to change");
    }

    private static Document errorPage(String token, String path, int status) {
        Document page = Jsoup.parse(given().auth()
                .oauth2(token)
                .when()
                .get(path)
                .then()
                .statusCode(status)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
        assertNotNull(page.selectFirst("[data-testid=error-page]"), path);
        assertNotNull(page.selectFirst("header.top"), "in the app's frame");
        return page;
    }
}
