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
import org.backstrong.e2e.browser.BrowserExtension;
import org.backstrong.e2e.browser.DesktopWindow;
import org.backstrong.e2e.pages.AppPage;
import org.backstrong.e2e.stack.LocalStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** The analyst's dashboard and its CSV download, with patients only as pseudonyms. */
@BrowserTest
class AnalystCsvIT {

    @Test
    @DesktopWindow
    void analystSeesTheDashboardAndDownloadsTheCsv(LocalStack stack, WebDriver browser) throws IOException {
        AppPage.signInAs(browser, stack, "anna");
        assertTrue(browser.getCurrentUrl().contains("/app/analytics"), browser.getCurrentUrl());
        assertFalse(browser.findElements(By.cssSelector("table[data-testid=weekly]")).isEmpty(), "the weekly table");
        assertFalse(browser.findElements(By.cssSelector("svg.chart")).isEmpty(), "the charts");

        Path downloads = BrowserExtension.downloads(browser);
        new Select(browser.findElement(By.id("groupBy"))).selectByValue("patient");
        browser.findElement(By.cssSelector("[data-testid=download-csv]")).click();
        Path csv = downloads.resolve("adherence-all-clinics-by-patient.csv");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(csv) && Files.size(csv) > 0);

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("patient,patients,sessionsScheduled,sessionsCompleted,sessionAdherencePercent,setsPrescribed,"
                + "setsLogged,setAdherencePercent,meanPain,peakPain", lines.get(0));
        assertTrue(lines.size() > 1, "the demo patients' plans give rows: " + lines);
        String body = String.join("\n", lines);
        for (String leak : List.of("22222222-", "Paul", "Petra", "Pia", "paul", "petra")) {
            assertFalse(body.contains(leak), "the CSV shows no patient id or name, found " + leak);
        }
    }
}
