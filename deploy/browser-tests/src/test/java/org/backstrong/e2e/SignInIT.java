package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

import org.backstrong.e2e.browser.DesktopWindow;
import org.backstrong.e2e.pages.AppPage;
import org.backstrong.e2e.pages.KeycloakLoginPage;
import org.backstrong.e2e.stack.LocalStack;

/**
 * Signing in to the web front door through Keycloak's real login page (authorization-code
 * flow, client backstrong-web), landing back on a planner page that names the user, and
 * signing out again, for each kind of user that has pages.
 */
@BrowserTest
class SignInIT {

    @Test
    @DesktopWindow
    void clinicianSignsInThroughKeycloakAndOutAgain(LocalStack stack, WebDriver browser) {
        signsInAndOut(stack, browser, "clara");
    }

    @Test
    void patientSignsInOnAPhoneAndOutAgain(LocalStack stack, WebDriver browser) {
        signsInAndOut(stack, browser, "paul");
    }

    @Test
    @DesktopWindow
    void analystSignsInThroughKeycloakAndOutAgain(LocalStack stack, WebDriver browser) {
        signsInAndOut(stack, browser, "anna");
    }

    @Test
    void visitorWithoutASessionIsSentToTheLoginPage(LocalStack stack, WebDriver browser) {
        AppPage.open(browser, stack);

        KeycloakLoginPage.expect(browser, stack);
    }

    private static void signsInAndOut(LocalStack stack, WebDriver browser, String user) {
        AppPage.open(browser, stack);
        KeycloakLoginPage.expect(browser, stack).signInAs(user);

        AppPage app = AppPage.expect(browser, stack);
        assertTrue(
                app.signedInAs().contains(user),
                "the header names '" + app.signedInAs() + "', not " + user + ", on " + app.url());

        app.signOut();
        AppPage.open(browser, stack);
        // Signed out of Keycloak too: no silent sign-in back to /app.
        KeycloakLoginPage.expect(browser, stack);
    }
}
