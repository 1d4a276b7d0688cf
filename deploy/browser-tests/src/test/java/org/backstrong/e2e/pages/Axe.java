package org.backstrong.e2e.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility engine, run in the page the browser shows. The script is the npm
 * package's axe.min.js, unpacked into the test resources at build time (this module's pom), and
 * put into the page by WebDriver (which the page's CSP does not govern).
 */
public final class Axe {

    /** What fails a page: axe's two highest impacts. */
    public static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private static final String SOURCE = load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})
                .then(result => done(JSON.stringify(result.violations)))
                .catch(error => done('axe failed: ' + error));
            """;

    /** One rule a page breaks, with the elements that break it. */
    public record Violation(String page, String rule, String impact, String help, List<String> targets) {

        @Override
        public String toString() {
            return page + ": " + rule + " (" + impact + ") " + help + " at " + targets;
        }
    }

    private Axe() {}

    /** The violations of the page now shown, of every impact. */
    public static List<Violation> check(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SOURCE);
        }
        Object answer = js.executeAsyncScript(RUN);
        String text = String.valueOf(answer);
        if (text.startsWith("axe failed")) {
            throw new IllegalStateException(text + " on " + driver.getCurrentUrl());
        }
        List<Violation> violations = new ArrayList<>();
        try {
            for (JsonNode rule : JSON.readTree(text)) {
                List<String> targets = new ArrayList<>();
                for (JsonNode node : rule.path("nodes")) {
                    targets.add(node.path("target").toString()
                            + (node.path("failureSummary").isMissingNode()
                                    ? ""
                                    : " — "
                                            + node.path("failureSummary")
                                                    .asText()
                                                    .replace('\n', ' ')));
                }
                violations.add(new Violation(
                        driver.getCurrentUrl(),
                        rule.path("id").asText(),
                        rule.path("impact").asText(),
                        rule.path("help").asText(),
                        targets));
            }
        } catch (IOException e) {
            throw new IllegalStateException("axe answered no JSON: " + text, e);
        }
        return violations;
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException(
                        "axe/axe.min.js is not in the test resources: build the module with Maven "
                                + "(its exec step unpacks the axe-core npm package)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
