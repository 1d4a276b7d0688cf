package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The page tests' common steps: fetch a page with a bearer token, check its form labels. */
final class Pages {

    private Pages() {}

    /** The page at {@code path}, which must answer 200 with HTML. */
    static Document page(String token, String path) {
        return Jsoup.parse(given().auth()
                .oauth2(token)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
    }

    static void assertEveryInputHasALabel(Document page) {
        for (Element input : page.select("input:not([type=hidden]), select, textarea")) {
            assertTrue(
                    !page.select("label[for=" + input.id() + "]").isEmpty()
                            || input.parent().tagName().equals("label"),
                    "input " + input.attr("name") + " has a label");
        }
    }
}
