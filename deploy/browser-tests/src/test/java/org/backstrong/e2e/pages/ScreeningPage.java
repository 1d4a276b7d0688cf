package org.backstrong.e2e.pages;

import java.time.LocalDate;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A patient's screening form (/app/clinic/patients/{id}/screening, [data-testid=screening-form]):
 * pre-existing condition yes or no, cleared on, cleared by.
 */
public final class ScreeningPage {

    private static final By FORM = By.cssSelector("form[data-testid=screening-form]");

    private final WebDriver driver;

    private ScreeningPage(WebDriver driver) {
        this.driver = driver;
    }

    public static ScreeningPage expect(WebDriver driver) {
        Pages.waitOn(driver)
                .withMessage(() -> "expected the screening form, the browser is on " + driver.getCurrentUrl())
                .until(d -> !d.findElements(FORM).isEmpty());
        return new ScreeningPage(driver);
    }

    /** Records a clearance for a pre-existing condition and saves; back on the patient's page. */
    public ClinicPatientPage clear(LocalDate on, String by) {
        WebElement form = driver.findElement(FORM);
        form.findElement(By.cssSelector("[data-testid=condition-yes]")).click();
        // A date input's typing order follows the browser's locale; its value is always yyyy-mm-dd.
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].value = arguments[1]", form.findElement(By.name("clearedOn")), on.toString());
        WebElement clearedBy = form.findElement(By.name("clearedBy"));
        clearedBy.clear();
        clearedBy.sendKeys(by);
        WebElement save = form.findElement(By.cssSelector("[data-testid=save-screening]"));
        save.click();
        Pages.waitOn(driver).until(d -> Pages.gone(save));
        return ClinicPatientPage.expect(driver);
    }
}
