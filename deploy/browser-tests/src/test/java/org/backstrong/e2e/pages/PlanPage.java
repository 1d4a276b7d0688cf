package org.backstrong.e2e.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A clinician's page of one plan (/app/clinic/plans/{id}, [data-testid=plan][data-status]): its
 * exercises ([data-testid=plan-item][data-item-id], each with [data-testid=edit-item]), the pause,
 * resume and end forms with their reason, and the plan's history ([data-testid=history-entry]);
 * the prescription form of one exercise ([data-testid=prescription-form]).
 */
public final class PlanPage {

    private static final By PLAN = By.cssSelector("[data-testid=plan]");
    private static final By PRESCRIPTION_FORM = By.cssSelector("form[data-testid=prescription-form]");
    private static final By FLASH = By.cssSelector("[data-testid=flash]");

    private final WebDriver driver;

    private PlanPage(WebDriver driver) {
        this.driver = driver;
    }

    public static PlanPage expect(WebDriver driver) {
        Pages.waitOn(driver)
                .withMessage(() -> "expected a plan's page, the browser is on " + driver.getCurrentUrl())
                .until(d -> !d.findElements(PLAN).isEmpty());
        return new PlanPage(driver);
    }

    public String status() {
        return driver.findElement(PLAN).getAttribute("data-status");
    }

    public String flash() {
        return driver.findElements(FLASH).isEmpty()
                ? ""
                : driver.findElement(FLASH).getText();
    }

    /** The dose in words of the exercise named so. */
    public String dose(String exercise) {
        return row(exercise)
                .findElement(By.cssSelector("[data-testid=item-dose]"))
                .getText();
    }

    /** Opens the prescription form of the exercise named so. */
    public PlanPage edit(String exercise) {
        row(exercise).findElement(By.cssSelector("a[data-testid=edit-item]")).click();
        Pages.waitOn(driver).until(d -> !d.findElements(PRESCRIPTION_FORM).isEmpty());
        return this;
    }

    /** Types into the prescription form's number field of that name (the form must be open). */
    public PlanPage set(String field, String value) {
        WebElement input = driver.findElement(PRESCRIPTION_FORM).findElement(By.name(field));
        input.clear();
        input.sendKeys(value);
        return this;
    }

    /** Saves the prescription form with a reason; waits for the next page (the plan, or the refused form). */
    public void savePrescription(String reason) {
        WebElement form = driver.findElement(PRESCRIPTION_FORM);
        WebElement why = form.findElement(By.name("reason"));
        why.clear();
        why.sendKeys(reason);
        WebElement save = form.findElement(By.cssSelector("[data-testid=save-prescription]"));
        save.click();
        Pages.waitOn(driver).until(d -> Pages.gone(save));
    }

    /** The message shown beside a refused field of the prescription form, or null. */
    public String fieldError(String field) {
        List<WebElement> errors =
                driver.findElements(By.cssSelector("[data-testid=field-error][data-field='" + field + "']"));
        return errors.isEmpty() ? null : errors.get(0).getText();
    }

    /** Sends the pause, resume or end form ({@code action}) with a reason; waits for the next page. */
    public void changeStatus(String action, String reason) {
        WebElement form = driver.findElement(By.cssSelector("form[data-testid=" + action + "-form]"));
        form.findElement(By.name("reason")).sendKeys(reason);
        WebElement button = form.findElement(By.cssSelector("[data-testid=" + action + "-plan]"));
        button.click();
        Pages.waitOn(driver).until(d -> Pages.gone(button));
    }

    /** The history's entries, newest first, as their text. */
    public List<String> history() {
        return driver.findElements(By.cssSelector("tr[data-testid=history-entry]")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private WebElement row(String exercise) {
        return driver.findElements(By.cssSelector("tr[data-testid=plan-item]")).stream()
                .filter(row -> row.getText().contains(exercise))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no exercise " + exercise + " in the plan"));
    }
}
