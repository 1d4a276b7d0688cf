package org.backstrong.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The alert rules load and pass their unit tests in promtool; the scrape config and dashboard are valid. */
class AlertRulesTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    void rulesLoad() throws Exception {
        promtool("check", "rules", "alerts.yml");
    }

    @Test
    void eachAlertFiresOnTheNumbersItIsForAndNotBefore() throws Exception {
        String out = promtool("test", "rules", "alerts.test.yml");
        assertTrue(out.contains("SUCCESS"), out);
    }

    @Test
    void theLocalScrapeConfigIsValidAndLoadsTheAlerts() throws Exception {
        String out = promtool("check", "config", "prometheus.yml");
        assertTrue(out.contains("1 rule files found"), out);
    }

    @Test
    void everyDashboardPanelHasAQuery() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Path.of("grafana-dashboard.json")));
        assertEquals("backstrong", dashboard.get("uid").asText());
        assertFalse(dashboard.get("panels").isEmpty());
        for (JsonNode panel : dashboard.get("panels")) {
            assertFalse(panel.get("targets").isEmpty(), panel.get("title") + " has no query");
            for (JsonNode target : panel.get("targets")) {
                assertFalse(target.get("expr").asText().isBlank(), panel.get("title") + " has an empty query");
            }
        }
    }

    private static String promtool(String... arguments) throws IOException, InterruptedException {
        String tool = Files.isExecutable(PROMTOOL) ? PROMTOOL.toString() : "promtool";
        Process process;
        try {
            process = new ProcessBuilder(concat(tool, arguments))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            fail("promtool is missing: install Debian's 'prometheus' package (it brings promtool)", e);
            throw e;
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("promtool " + String.join(" ", arguments) + " did not finish within 60 s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "promtool " + String.join(" ", arguments) + ":\n" + out);
        return out;
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }
}
