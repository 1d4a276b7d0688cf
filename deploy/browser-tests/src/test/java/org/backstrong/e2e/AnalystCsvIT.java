package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import org.backstrong.e2e.browser.BrowserExtension;
import org.backstrong.e2e.browser.DesktopWindow;
import org.backstrong.e2e.pages.AppPage;
import org.backstrong.e2e.stack.LocalStack;

/** The analyst's dashboard and its CSV download, with patients only as pseudonyms. */
@BrowserTest
class AnalystCsvIT {

    @Test
    @DesktopWindow
    void analystSeesTheDashboardAndDownloadsTheCsv(LocalStack stack, WebDriver browser) throws IOException {
        AppPage.signInAs(browser, stack, "anna");
        assertTrue(browser.getCurrentUrl().contains("/app/analytics"), browser.getCurrentUrl());
        assertFalse(
                browser.findElements(By.cssSelector("table[data-testid=weekly]"))
                        .isEmpty(),
                "the weekly table");
        assertFalse(browser.findElements(By.cssSelector("svg.chart")).isEmpty(), "the charts");
        assertTrue(
                browser.findElement(By.cssSelector("[data-testid=scope]"))
                        .getText()
                        .startsWith("All your clinics (clinic-a, clinic-b)"),
                "anna's clinics");
        assertFalse(
                browser.findElements(By.cssSelector("table[data-testid=weekly] tbody tr td:nth-child(2)"))
                        .isEmpty(),
                "a week of the demo's five patients is shown");

        Path downloads = BrowserExtension.downloads(browser);
        new Select(browser.findElement(By.id("groupBy"))).selectByValue("patient");
        browser.findElement(By.cssSelector("[data-testid=download-csv]")).click();
        Path csv = downloads.resolve("adherence-all-clinics-by-patient.csv");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(csv) && Files.size(csv) > 0);

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        // A patient's row carries pain only as bands, and no clinic.
        assertEquals(
                "patient,patients,sessionsScheduled,sessionsCompleted,sessionAdherencePercent,setsPrescribed,"
                        + "setsLogged,setAdherencePercent,meanPainBand,peakPainBand",
                lines.get(0));
        // anna's clinics (clinic_ids: clinic-a, clinic-b) hold the five demo patients with plans: a group large
        // enough to be shown, one pseudonymous row each, and no line saying rows were suppressed.
        List<String> rows = lines.subList(1, lines.size());
        // (Other tests of the same stack may have enrolled more patients of clinic-a by now.)
        assertTrue(rows.size() >= 5, "a row for each demo patient with a plan: " + lines);
        for (String row : rows) {
            assertTrue(row.matches("[0-9a-f]{32},1,.*"), "a pseudonym and one patient: " + row);
        }
        String body = String.join("\n", lines);
        assertFalse(body.contains("not shown"), "nothing suppressed: " + body);
        for (String leak : List.of(
                "22222222-",
                "Paul",
                "Petra",
                "Pia",
                "Pete",
                "Priya",
                "Pablo",
                "paul",
                "petra",
                "clinic-a",
                "clinic-b")) {
            assertFalse(body.contains(leak), "the CSV shows no patient id or name, found " + leak);
        }
    }
}
