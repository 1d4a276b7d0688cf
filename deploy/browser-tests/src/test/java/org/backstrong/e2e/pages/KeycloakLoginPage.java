package org.backstrong.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.backstrong.e2e.stack.LocalStack;

/** Keycloak's own login page of realm backstrong (fields username and password, button kc-login). */
public final class KeycloakLoginPage {

    private static final By USERNAME = By.id("username");
    private static final By PASSWORD = By.id("password");
    private static final By SIGN_IN = By.id("kc-login");

    private final WebDriver driver;

    private KeycloakLoginPage(WebDriver driver) {
        this.driver = driver;
    }

    /** Waits until the browser shows this stack's Keycloak login form; fails with where it is instead. */
    public static KeycloakLoginPage expect(WebDriver driver, LocalStack stack) {
        Pages.waitOn(driver)
                .withMessage(() -> "expected Keycloak's login page of " + stack.issuer() + ", but the browser is on "
                        + driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().startsWith(stack.issuer() + "/")
                        && !d.findElements(USERNAME).isEmpty()
                        && d.findElement(USERNAME).isDisplayed());
        return new KeycloakLoginPage(driver);
    }

    /** Signs a demo user in (their password is their user name). */
    public void signInAs(String demoUser) {
        signIn(demoUser, demoUser);
    }

    public void signIn(String username, String password) {
        type(USERNAME, username);
        type(PASSWORD, password);
        WebElement button = driver.findElement(SIGN_IN);
        button.click();
        // The form posts and the browser leaves the page: wait for that before anyone looks.
        Pages.waitOn(driver)
                .withMessage(() -> "Keycloak kept the login page for " + username + " at " + driver.getCurrentUrl())
                .until(d -> Pages.gone(button));
    }

    private void type(By field, String text) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
    }
}
