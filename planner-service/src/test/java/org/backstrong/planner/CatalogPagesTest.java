package org.backstrong.planner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.backstrong.testinfra.TestTokens;

/** The catalog pages (/app/catalog) over the stubbed catalog-service. */
@QuarkusTest
class CatalogPagesTest {

    @Test
    void searchesTheCatalogWithEveryFilterAndTheCallersToken() {
        String clara = Clinic.clara();
        Document page = Pages.page(
                clara,
                "/app/catalog?q=row&region=upper-back&muscle=latissimus-dorsi&equipment=dumbbell&category=strength");
        assertEquals(
                CatalogStub.ARTICLE.size(),
                page.select("tr[data-testid=exercise-row]").size());
        assertEquals(
                "/app/catalog/lat-pulldown",
                page.selectFirst("tr[data-exercise-id=lat-pulldown] a").attr("href"));
        assertEquals("row", page.selectFirst("#q").val());
        assertEquals("upper-back", page.selectFirst("#region option[selected]").val());
        assertEquals(
                "latissimus-dorsi", page.selectFirst("#muscle option[selected]").val());
        assertEquals("dumbbell", page.selectFirst("#equipment option[selected]").val());
        assertEquals("strength", page.selectFirst("#category option[selected]").val());
        assertTrue(page.selectFirst("[data-testid=result-count]").text().contains("of " + CatalogStub.ARTICLE.size()));
        Pages.assertEveryInputHasALabel(page);
        CatalogStub.server()
                .verify(getRequestedFor(urlPathEqualTo("/exercises"))
                        .withQueryParam("q", equalTo("row"))
                        .withQueryParam("region", equalTo("upper-back"))
                        .withQueryParam("muscle", equalTo("latissimus-dorsi"))
                        .withQueryParam("equipment", equalTo("dumbbell"))
                        .withQueryParam("category", equalTo("strength"))
                        .withQueryParam("page", equalTo("0"))
                        .withHeader("Authorization", equalTo("Bearer " + clara)));
    }

    @Test
    void pagesThroughManyResultsKeepingTheFilters() {
        CatalogStub.server()
                .stubFor(get(urlPathEqualTo("/exercises"))
                        .withQueryParam("q", equalTo("many"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withHeader("X-Total-Count", "45")
                                .withBody("[]")));
        Document page = Pages.page(Clinic.clara(), "/app/catalog?q=many&page=1");
        assertEquals(
                "/app/catalog?q=many&page=2",
                page.selectFirst("a[data-testid=next-page]").attr("href"));
        assertEquals(
                "/app/catalog?q=many&page=0",
                page.selectFirst("a[data-testid=previous-page]").attr("href"));
    }

    @Test
    void saysSoWhenTheCatalogIsUnavailable() {
        CatalogStub.server()
                .stubFor(get(urlPathEqualTo("/exercises"))
                        .withQueryParam("q", equalTo("broken"))
                        .willReturn(aResponse().withStatus(503)));
        Document page = Pages.page(Clinic.clara(), "/app/catalog?q=broken");
        assertNotNull(page.selectFirst("[data-testid=catalog-unavailable]"));
    }

    @Test
    void showsAnExercisesStepsDoseSafetyAndVariants() {
        Document page = Pages.page(TestTokens.admin("admin-" + UUID.randomUUID()), "/app/catalog/lat-pulldown");
        assertEquals("Lat Pulldown — Backstrong", page.title());
        assertEquals(2, page.select("ol[data-testid=steps] li").size());
        assertTrue(page.selectFirst("[data-testid=dose]").text().contains("1–3 sets of 8–12 reps"));
        assertTrue(page.selectFirst("ul[data-testid=safety-notes]").text().contains("Stop if you feel pain"));
        assertTrue(page.text().contains("Easier: none") && page.text().contains("Harder: none"));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/app/catalog/unknown-exercise")
                .then()
                .statusCode(404);
    }

    @Test
    void theCatalogIsForCliniciansAndAdmins() {
        Pages.page(TestTokens.admin("admin-1"), "/app/catalog");
        given().auth()
                .oauth2(TestTokens.analyst("analyst-1"))
                .when()
                .get("/app/catalog")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Clinic.patient(UUID.randomUUID().toString()))
                .when()
                .get("/app/catalog/lat-pulldown")
                .then()
                .statusCode(403);
    }
}
