package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.backstrong.e2e.stack.LocalStack;

/**
 * What a clinic bills remote monitoring by, and a patient's calendar reminders, in the running
 * stack through the public APIs: pete logs a set, and clara's report counts his day with data under
 * the rule that fired; pete turns on his calendar feed, his phone reads it without signing in (only
 * "Back exercises", nothing of his health), a new address retires the old one, and off is off.
 */
@BrowserTest
class RemoteMonitoringIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aDayWithALoggedSetCountsInTheClinicsReportUnderItsRule(LocalStack stack) {
        Api pete = Api.as(stack, "pete");
        String peteId = pete.claims().path("sub").asText();
        pete.postToPlanner("/me/sets", NextSet.of(NextSet.latestSession(pete)), 201);

        JsonNode report = Api.as(stack, "clara").getFromPlanner("/rtm");
        List<JsonNode> petes = new ArrayList<>();
        report.path("rows").forEach(row -> {
            if (peteId.equals(row.path("patientId").asText())) {
                petes.add(row);
            }
        });
        assertFalse(petes.isEmpty(), "pete's periods in clara's report: " + report);
        JsonNode current = petes.get(petes.size() - 1);
        int days = current.path("daysWithData").asInt();
        assertTrue(days >= 1, "today counts as a day with data: " + current);
        String supplyRule = days >= 16 ? "days-16-to-30" : days >= 2 ? "days-2-to-15" : "fewer-than-2-days";
        assertTrue(current.path("rules").toString().contains(supplyRule), "the rule that fired: " + current);
        if (current.path("period").asInt() == 1) {
            assertTrue(current.path("codes").toString().contains("98975"), "set-up in the first period: " + current);
        }
        assertTrue(current.path("reason").asText().contains(Integer.toString(days)), "the numbers: " + current);
        // No patient of another clinic: pia is colin's.
        assertFalse(report.toString().contains(Api.PIA), "clinic-b's patient in clinic-a's report");
    }

    @Test
    void aPatientsCalendarFeedOpensWithItsAddressAloneAndStopsWhenReplacedOrTurnedOff(LocalStack stack) {
        Api pete = Api.as(stack, "pete");
        String first =
                pete.postToPlanner("/me/calendar-feed", "", 201).path("url").asText();
        HttpResponse<String> feed = fetch(first);
        assertEquals(200, feed.statusCode(), feed.body());
        assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        String ics = feed.body();
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"), ics);
        assertTrue(ics.contains("BEGIN:VEVENT\r\n"), "pete's session days: " + ics);
        assertTrue(ics.contains("SUMMARY:Back exercises\r\n"), ics);
        assertTrue(ics.contains("BEGIN:VALARM\r\n"), "a reminder: " + ics);
        for (String line : ics.split("\r\n")) {
            // The events' summary and the reminders' text say the same and nothing more.
            if (line.startsWith("SUMMARY") || line.startsWith("DESCRIPTION")) {
                assertTrue(line.endsWith(":Back exercises"), "no health data: " + line);
            }
            assertFalse(line.startsWith("LOCATION") || line.startsWith("COMMENT"), "no health data: " + line);
        }

        String second =
                pete.postToPlanner("/me/calendar-feed", "", 201).path("url").asText();
        assertEquals(404, fetch(first).statusCode(), "the replaced address");
        assertEquals(200, fetch(second).statusCode(), "the new address");
        pete.deleteFromPlanner("/me/calendar-feed", 204);
        assertEquals(404, fetch(second).statusCode(), "the address of a feed turned off");
    }

    private static HttpResponse<String> fetch(String url) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
