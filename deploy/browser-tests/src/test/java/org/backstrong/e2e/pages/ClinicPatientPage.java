package org.backstrong.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.backstrong.e2e.stack.LocalStack;

/**
 * A clinician's page of one patient (/app/clinic/patients/{id}): the screening
 * ([data-testid=screening], its form behind [data-testid=edit-screening]), the assignment form
 * ([data-testid=assign-form]) and why a plan could not start ([data-testid=assign-conflict]), the
 * current plan ([data-testid=current-plan]) with the way to manage it ([data-testid=manage-plan]).
 */
public final class ClinicPatientPage {

    private static final By SCREENING = By.cssSelector("[data-testid=screening]");
    private static final By ASSIGN_FORM = By.cssSelector("form[data-testid=assign-form]");
    private static final By CONFLICT = By.cssSelector("[data-testid=assign-conflict]");
    private static final By CURRENT_PLAN = By.cssSelector("[data-testid=current-plan]");
    private static final By FLASH = By.cssSelector("[data-testid=flash]");

    private final WebDriver driver;

    private ClinicPatientPage(WebDriver driver) {
        this.driver = driver;
    }

    public static ClinicPatientPage open(WebDriver driver, LocalStack stack, String patientId) {
        driver.get(stack.plannerUrl() + "/app/clinic/patients/" + patientId);
        return expect(driver);
    }

    public static ClinicPatientPage expect(WebDriver driver) {
        Pages.waitOn(driver)
                .withMessage(() -> "expected a patient's page, the browser is on " + driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().contains("/app/clinic/patients/")
                        && !d.findElements(SCREENING).isEmpty());
        return new ClinicPatientPage(driver);
    }

    public String screening() {
        return driver.findElement(SCREENING).getText();
    }

    /** The confirmation after a form was saved, or an empty text. */
    public String flash() {
        return driver.findElements(FLASH).isEmpty()
                ? ""
                : driver.findElement(FLASH).getText();
    }

    /** Chooses a template by the start of its name and assigns it with the form's default start and days. */
    public void assign(String templateName) {
        WebElement form = driver.findElement(ASSIGN_FORM);
        Select template = new Select(form.findElement(By.name("templateId")));
        template.getOptions().stream()
                .filter(option -> option.getText().startsWith(templateName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no template " + templateName + " to choose"))
                .click();
        WebElement button = form.findElement(By.cssSelector("[data-testid=assign]"));
        button.click();
        Pages.waitOn(driver).until(d -> Pages.gone(button));
    }

    public boolean canAssign() {
        return !driver.findElements(ASSIGN_FORM).isEmpty();
    }

    public String conflict() {
        return driver.findElement(CONFLICT).getText();
    }

    /** Follows the conflict's link to record the clearance. */
    public ScreeningPage recordClearance() {
        driver.findElement(CONFLICT)
                .findElement(By.cssSelector("a[data-testid=record-clearance]"))
                .click();
        return ScreeningPage.expect(driver);
    }

    public String currentPlanId() {
        return driver.findElement(CURRENT_PLAN).getAttribute("data-plan-id");
    }

    public PlanPage managePlan() {
        driver.findElement(By.cssSelector("a[data-testid=manage-plan]")).click();
        return PlanPage.expect(driver);
    }

    /**
     * The adherence chart's bars as the page draws them ([data-testid=adherence-unavailable] instead
     * when progress-service did not answer): each bar's title, "W47: 67" (ISO week: per cent of the
     * scheduled sessions completed), left to right.
     */
    public java.util.List<String> adherenceBars() {
        if (!driver.findElements(By.cssSelector("[data-testid=adherence-unavailable]"))
                .isEmpty()) {
            throw new AssertionError("the page says the adherence figures are unavailable");
        }
        Object titles = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("const chart = document.querySelector('svg[aria-label^=\"Sessions completed\"]');"
                        + "return chart === null ? null"
                        + " : Array.from(chart.querySelectorAll('rect.bar > title'), t => t.textContent);");
        if (titles == null) {
            throw new AssertionError("no adherence chart on the patient's page");
        }
        return ((java.util.List<?>) titles).stream().map(String::valueOf).toList();
    }

    /** Who made each change listed under "Changes to the plan", newest first. */
    public java.util.List<String> changedBy() {
        return driver.findElements(By.cssSelector("[data-testid=change-who]")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
