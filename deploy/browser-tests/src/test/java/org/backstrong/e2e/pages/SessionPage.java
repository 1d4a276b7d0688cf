package org.backstrong.e2e.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The patient's session page (/app/me/today): one section per exercise
 * ([data-testid=exercise], warm-up first), a form per set ([data-testid=set-form]) that turns
 * into a logged line ([data-testid=logged-set]) once the set is stored, the stop message of an
 * exercise ([data-testid=stop-message]) and the line that says what waits to be sent
 * (#outbox-status).
 */
public final class SessionPage {

    private static final By EXERCISE = By.cssSelector("section[data-testid=exercise]");
    private static final By SET_FORM = By.cssSelector("form[data-testid=set-form]");
    private static final By LOGGED = By.cssSelector("[data-testid=logged-set]");
    private static final By OUTBOX = By.id("outbox-status");

    private final WebDriver driver;

    private SessionPage(WebDriver driver) {
        this.driver = driver;
    }

    public static SessionPage expect(WebDriver driver) {
        Pages.waitOn(driver)
                .withMessage(() -> "expected today's session page, the browser is on " + driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().contains("/app/me/")
                        && !d.findElements(EXERCISE).isEmpty());
        return new SessionPage(driver);
    }

    public List<WebElement> exercises() {
        return driver.findElements(EXERCISE);
    }

    /** The set forms still waiting to be filled in (not sent, not waiting in the outbox). */
    public List<WebElement> openForms() {
        return driver.findElements(By.cssSelector("form[data-testid=set-form]:not([data-state=waiting])"));
    }

    public int loggedSets() {
        return driver.findElements(LOGGED).size();
    }

    /** Fills one set in (reps or seconds as suggested, the given pain) and sends it; does not wait. */
    public void submit(WebElement form, int pain) {
        WebElement painInput = form.findElement(By.name("pain"));
        painInput.clear();
        painInput.sendKeys(String.valueOf(pain));
        List<WebElement> rir = form.findElements(By.name("rir"));
        if (!rir.isEmpty()) {
            rir.get(0).clear();
            rir.get(0).sendKeys("2");
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** Sends a set and waits until the page shows it stored (the form gives way to a logged line). */
    public void log(WebElement form, int pain) {
        submit(form, pain);
        Pages.waitOn(driver)
                .withMessage(() -> "the set was not shown as logged")
                .until(d -> Pages.gone(form));
    }

    public void waitUntilLogged(int count) {
        Pages.waitOn(driver)
                .withMessage(() -> "expected " + count + " logged sets, the page shows " + loggedSets())
                .until(d -> loggedSets() == count);
    }

    public String outboxStatus() {
        WebElement status = driver.findElement(OUTBOX);
        return status.isDisplayed() ? status.getText() : "";
    }

    public void waitUntilOutboxSays(String start) {
        Pages.waitOn(driver)
                .withMessage(() -> "the outbox should say '" + start + "…', it says '" + outboxStatus() + "'")
                .until(d -> outboxStatus().startsWith(start));
    }

    public void waitUntilOutboxEmpty() {
        Pages.waitOn(driver)
                .withMessage(() -> "the outbox still says: " + outboxStatus())
                .until(d -> !d.findElement(OUTBOX).isDisplayed());
    }

    public WebElement stopMessage(WebElement exercise) {
        return exercise.findElement(By.cssSelector("[data-testid=stop-message]"));
    }

    public void finishSession() {
        driver.findElement(By.cssSelector("[data-testid=complete-session]")).click();
        Pages.waitOn(driver)
                .withMessage(() -> "the session was not shown as completed")
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=session-complete]")));
    }
}
