package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.backstrong.e2e.browser.BrowserExtension;
import org.backstrong.e2e.browser.DesktopWindow;
import org.backstrong.e2e.pages.AppPage;
import org.backstrong.e2e.pages.KeycloakLoginPage;
import org.backstrong.e2e.stack.LocalStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The harness itself: the stack the browser tests run against is up, on its own ports. */
@BrowserTest
class StackIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    @Test
    void everyServiceIsReadyOnItsOwnPort(LocalStack stack) {
        Map<String, String> services = Map.of(
                "catalog-service", stack.catalogUrl(),
                "planner-service", stack.plannerUrl(),
                "progress-service", stack.progressUrl());
        assertAll(services.entrySet().stream().map(service -> () -> {
            HttpResponse<String> health = get(service.getValue() + "/q/health/ready");
            assertEquals(200, health.statusCode(), service.getKey() + " readiness: " + health.body());
            assertTrue(STATUS_UP.matcher(health.body()).find(), service.getKey() + " is not UP: " + health.body());
        }));
    }

    @Test
    void keycloakPublishesTheRealmWithTheIssuerTheServicesCheck(LocalStack stack) {
        HttpResponse<String> discovery = get(stack.issuer() + "/.well-known/openid-configuration");

        assertEquals(200, discovery.statusCode(), discovery.body());
        assertTrue(discovery.body().contains("\"issuer\":\"" + stack.issuer() + "\""),
                "issuer is not " + stack.issuer() + ": " + discovery.body());
    }

    @Test
    void plannerApiAsksForATokenInsteadOfRedirecting(LocalStack stack) {
        HttpResponse<String> patients = get(stack.plannerUrl() + "/patients");

        assertEquals(401, patients.statusCode(), patients.body());
    }

    /** The browser, the page object and Keycloak's login page work, whatever planner's pages do. */
    @Test
    @DesktopWindow
    void demoUserSignsInOnKeycloaksLoginPage(LocalStack stack, WebDriver browser) {
        browser.get(stack.issuer() + "/account/");

        KeycloakLoginPage.expect(browser, stack).signInAs("clara");

        // Keycloak's account console, signed in, names her (first and last name of the realm's user).
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> "not in clara's account console: " + browser.getCurrentUrl())
                .until(d -> d.getCurrentUrl().startsWith(stack.issuer() + "/account")
                        && d.findElement(By.tagName("body")).getText().contains("Clara Clinician"));
    }

    @Test
    void browserHasAPhoneSizedViewportByDefault(LocalStack stack, WebDriver browser) {
        AppPage.open(browser, stack);
        KeycloakLoginPage.expect(browser, stack);

        assertEquals((long) BrowserExtension.PHONE_WIDTH, viewportWidth(browser));
    }

    @Test
    @DesktopWindow
    void browserHasADesktopSizedViewportWhenATestAsks(LocalStack stack, WebDriver browser) {
        AppPage.open(browser, stack);
        KeycloakLoginPage.expect(browser, stack);

        assertEquals((long) BrowserExtension.DESKTOP_WIDTH, viewportWidth(browser));
    }

    private static Object viewportWidth(WebDriver browser) {
        return ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
    }

    private static HttpResponse<String> get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: GET " + url, e);
        }
    }
}
