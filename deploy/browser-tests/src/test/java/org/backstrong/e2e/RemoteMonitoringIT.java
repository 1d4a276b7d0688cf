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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
        pete.postToPlanner("/me/sets", firstSet(pete, latestSession(pete)), 201);

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

    /** pete's latest session day up to today, as his phone shows it. */
    private static JsonNode latestSession(Api patient) {
        for (int back = 0; back < 14; back++) {
            JsonNode session =
                    patient.getFromPlanner("/me/sessions/" + LocalDate.now().minusDays(back));
            if (session.path("scheduled").asBoolean() && session.path("items").size() > 0) {
                return session;
            }
        }
        throw new AssertionError("pete has no session day in the last two weeks");
    }

    /** The next set of the session's first exercise that has one left, at its dose, as the session page sends it. */
    private static String firstSet(Api patient, JsonNode session) {
        for (JsonNode item : session.path("items")) {
            JsonNode dose = item.path("dose");
            boolean perSide = dose.path("perSide").asBoolean();
            int logged = 0;
            for (JsonNode set : item.path("logged")) {
                if (!perSide || "left".equals(set.path("side").asText())) {
                    logged++;
                }
            }
            if (item.path("paused").asBoolean() || logged >= dose.path("sets").asInt()) {
                continue;
            }
            StringBuilder set = new StringBuilder("{\"setId\": \"" + UUID.randomUUID() + "\", \"planId\": \""
                    + session.path("planId").asText() + "\", \"itemId\": \""
                    + item.path("itemId").asText()
                    + "\", \"date\": \"" + session.path("date").asText() + "\", \"setNumber\": " + (logged + 1)
                    + ", \"pain\": 1, \"beyondNormalFatigue\": false");
            if (perSide) {
                set.append(", \"side\": \"left\"");
            }
            if ("reps".equals(dose.path("kind").asText())) {
                set.append(", \"reps\": ")
                        .append(
                                dose.hasNonNull("reps")
                                        ? dose.path("reps").asInt()
                                        : dose.path("repsMin").asInt())
                        .append(", \"rir\": 2");
            } else {
                set.append(", \"seconds\": ")
                        .append(
                                dose.hasNonNull("seconds")
                                        ? dose.path("seconds").asInt()
                                        : dose.path("secondsMin").asInt())
                        .append(", \"rpe\": 7");
            }
            if (dose.hasNonNull("loadKg")) {
                set.append(", \"loadKg\": ").append(dose.path("loadKg").asText());
            }
            if (dose.hasNonNull("band")) {
                set.append(", \"band\": \"").append(dose.path("band").asText()).append("\"");
            }
            return set.append('}').toString();
        }
        throw new AssertionError("no set left to log in pete's session of "
                + session.path("date").asText());
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
