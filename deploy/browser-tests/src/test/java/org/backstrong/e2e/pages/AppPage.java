package org.backstrong.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.backstrong.e2e.stack.LocalStack;

/**
 * Any page of planner-service's web front door (/app/...) seen by a signed-in user: the shared
 * layout's header shows who is signed in ([data-testid=signed-in-as]) and a sign-out button
 * ([data-testid=sign-out]).
 */
public final class AppPage {

    public static final String PATH = "/app";

    private static final By SIGNED_IN_AS = By.cssSelector("[data-testid=signed-in-as]");
    private static final By SIGN_OUT = By.cssSelector("[data-testid=sign-out]");

    private final WebDriver driver;

    private AppPage(WebDriver driver) {
        this.driver = driver;
    }

    /** Opens /app: a visitor without a session lands on Keycloak's login page instead. */
    public static void open(WebDriver driver, LocalStack stack) {
        driver.get(stack.plannerUrl() + PATH);
    }

    /** Opens /app, signs a demo user in on Keycloak's page and waits to be back on a planner page. */
    public static AppPage signInAs(WebDriver driver, LocalStack stack, String demoUser) {
        open(driver, stack);
        KeycloakLoginPage.expect(driver, stack).signInAs(demoUser);
        return expect(driver, stack);
    }

    /** Waits until the browser shows a planner page with the signed-in header. */
    public static AppPage expect(WebDriver driver, LocalStack stack) {
        Pages.waitOn(driver)
                .withMessage(() -> "expected a planner page under " + stack.plannerUrl() + PATH
                        + " with [data-testid=signed-in-as], but the browser is on " + driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().startsWith(stack.plannerUrl() + PATH)
                        && !d.findElements(SIGNED_IN_AS).isEmpty()
                        && d.findElement(SIGNED_IN_AS).isDisplayed());
        return new AppPage(driver);
    }

    /** The header's text naming the signed-in user. */
    public String signedInAs() {
        return driver.findElement(SIGNED_IN_AS).getText();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /**
     * Presses sign-out and waits until the browser has left this page and finished wherever
     * signing out leads (Keycloak's logout endpoint, then back), so the next page load cannot
     * cut the logout short.
     */
    public void signOut() {
        WebElement button = driver.findElement(SIGN_OUT);
        button.click();
        Pages.waitOn(driver)
                .withMessage(() -> "signing out left the browser on the same page, " + driver.getCurrentUrl())
                .until(d -> Pages.gone(button));
        Pages.waitOn(driver)
                .withMessage(() -> "signing out did not finish; the browser is on " + driver.getCurrentUrl())
                .until(d -> !d.getCurrentUrl().contains("/protocol/openid-connect/logout")
                        && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }
}
