package org.backstrong.e2e;

import java.time.Duration;
import java.util.UUID;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.backstrong.e2e.pages.AppPage;
import org.backstrong.e2e.pages.KeycloakLoginPage;
import org.backstrong.e2e.stack.LocalStack;

/**
 * An invited patient's first sign-in on Keycloak's pages: the one-time password the clinician handed
 * over, then a password of their own (Keycloak's required action), then the profile the realm asks
 * for. Ends in the app, signed in.
 */
final class FirstSignIn {

    private FirstSignIn() {}

    /** Signs in with the one-time password and returns the patient's own new password. */
    static String choosePassword(WebDriver browser, LocalStack stack, String username, String oneTime) {
        AppPage.open(browser, stack);
        KeycloakLoginPage.expect(browser, stack).signIn(username, oneTime);
        String password = "own-" + UUID.randomUUID();
        wait(browser)
                .withMessage(
                        () -> "Keycloak did not ask for a new password; the browser is on " + browser.getCurrentUrl())
                .until(d -> !d.findElements(By.id("password-new")).isEmpty());
        browser.findElement(By.id("password-new")).sendKeys(password);
        browser.findElement(By.id("password-confirm")).sendKeys(password);
        submit(browser);
        completeProfileIfAsked(browser, stack, username);
        return password;
    }

    /** The realm asks for an e-mail address at the first sign-in (its user profile requires one of users). */
    private static void completeProfileIfAsked(WebDriver browser, LocalStack stack, String username) {
        wait(browser)
                .until(d -> d.getCurrentUrl().startsWith(stack.plannerUrl() + "/app")
                        || !d.findElements(By.id("email")).isEmpty());
        if (browser.getCurrentUrl().startsWith(stack.plannerUrl())) {
            return;
        }
        fillIfEmpty(browser, "email", username + "@patients.example.org");
        fillIfEmpty(browser, "firstName", "Ines");
        fillIfEmpty(browser, "lastName", "Invited");
        submit(browser);
    }

    private static void fillIfEmpty(WebDriver browser, String id, String text) {
        for (WebElement field : browser.findElements(By.id(id))) {
            if (field.getAttribute("value") == null
                    || field.getAttribute("value").isBlank()) {
                field.sendKeys(text);
            }
        }
    }

    private static void submit(WebDriver browser) {
        WebElement button = browser.findElement(By.cssSelector("form [type=submit]"));
        button.click();
        wait(browser).until(d -> {
            try {
                button.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            }
        });
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }
}
