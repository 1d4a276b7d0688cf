package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebDriver;

import org.backstrong.e2e.browser.DesktopWindow;
import org.backstrong.e2e.pages.AppPage;
import org.backstrong.e2e.pages.ClinicPatientPage;
import org.backstrong.e2e.stack.LocalStack;

/**
 * The product's core loop through the real services, public APIs only: petra's plan started two
 * weeks ago, one session a week. She logs her first-week session at the starting dose and a
 * settled morning, then a second-week session with every set at the top of its range, reps to
 * spare and little pain. progress-service decides to add a set, planner changes her plan (audited
 * as automatic, with the rule), today's session asks for the new dose and "my progress" says why.
 * Then a set at pain 7 raises a STOP flag that pauses the exercise until clara resolves it; then a
 * morning 2 points worse than the session before raises a WATCH flag and nothing progresses. A
 * poison record sent on purpose on the way is parked alone. Last, clara opens petra's page in the
 * browser: its weekly adherence chart shows progress-service's figures for her. The methods run in
 * order, each on what the one before left.
 */
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgressionLoopIT {

    static final String PETRA = "22222222-2222-4222-8222-000000000002";
    /** Lat Pulldown, a main exercise of the built-in plan: 1 to 3 sets of 8 to 12 reps at 15 kg. */
    static final String LAT_PULLDOWN = "lat-pulldown";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now();
    /** Two weeks ago on today's weekday: sessions then, a week later, and today. */
    private static final LocalDate FIRST_SESSION = TODAY.minusWeeks(2);

    private static final LocalDate SECOND_SESSION = TODAY.minusWeeks(1);

    private static String planId;

    @Test
    @Order(1)
    void perfectSessionsChangeThePlanAndTheNextSessionAsksForTheNewDose(LocalStack stack) {
        Api clara = Api.as(stack, "clara");
        Api petra = Api.as(stack, "petra");
        for (JsonNode plan : clara.getFromPlanner("/patients/" + PETRA + "/plans")) {
            if (!"completed".equals(plan.path("status").asText())) {
                clara.postToPlanner(
                        "/plans/" + plan.path("id").asText() + "/end",
                        "{\"reason\":\"A new plan for the progression test\"}",
                        200);
            }
        }
        ObjectNode assignment = JSON.createObjectNode()
                .put("templateId", Api.BUILT_IN_TEMPLATE)
                .put("startDate", FIRST_SESSION.toString());
        assignment.putArray("weekdays").add(TODAY.getDayOfWeek().getValue());
        planId = clara.postToPlanner("/patients/" + PETRA + "/plans", assignment.toString(), 201)
                .path("id")
                .asText();

        // Week 1: the starting dose (the bottom of each range), easy and painless; the morning after settled.
        logWholeSession(petra, FIRST_SESSION, false);
        completeSession(petra, FIRST_SESSION);
        checkIn(petra, FIRST_SESSION.plusDays(1), 1);
        await("the first week's decisions").untilAsserted(() -> {
            List<JsonNode> decisions = decisionsOn(clara, FIRST_SESSION);
            assertFalse(decisions.isEmpty(), "no decision for " + FIRST_SESSION);
            decisions.forEach(
                    d -> assertEquals("FIRST_WEEK_START_LIGHT", d.path("rule").asText(), d.toString()));
        });
        // Week 2: every set at the top of its range with reps to spare.
        logWholeSession(petra, SECOND_SESSION, true);
        completeSession(petra, SECOND_SESSION);

        JsonNode decision = await("the decision to add a set")
                .until(
                        () -> decisionsOn(clara, SECOND_SESSION).stream()
                                .filter(d ->
                                        LAT_PULLDOWN.equals(d.path("exerciseId").asText()))
                                .findFirst()
                                .orElse(null),
                        d -> d != null);
        assertEquals("PROGRESS", decision.path("outcome").asText(), decision.toString());
        assertEquals("ADD_SET", decision.path("rule").asText(), decision.toString());
        String itemId = decision.path("itemId").asText();

        await("planner applies the decision")
                .untilAsserted(() -> assertEquals(
                        2,
                        item(clara.getFromPlanner("/plans/" + planId), itemId)
                                .path("prescription")
                                .path("sets")
                                .asInt()));
        JsonNode audit = StreamSupport.stream(
                        clara.getFromPlanner("/plans/" + planId + "/audit").spliterator(), false)
                .filter(entry -> itemId.equals(entry.path("itemId").asText())
                        && "ADD_SET".equals(entry.path("rule").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no audit entry for the added set"));
        assertEquals("automatic", audit.path("changedBy").asText(), audit.toString());
        assertEquals(decision.path("reason").asText(), audit.path("reason").asText());
        assertTrue(audit.path("reason").asText().contains("we added a set"), audit.toString());

        JsonNode today = item(petra.getFromPlanner("/me/sessions/today").path("items"), itemId);
        assertEquals(2, today.path("dose").path("sets").asInt(), today.toString());
        assertEquals(8, today.path("dose").path("repsMin").asInt(), today.toString());
        assertEquals(12, today.path("dose").path("repsMax").asInt(), today.toString());
        String progressPage = petra.pageFromPlanner("/app/me/progress");
        assertTrue(progressPage.contains("so we added a set (2 sets)"), "my progress does not say why");
    }

    @Test
    @Order(2)
    void aSetAtPainSevenPausesTheExerciseUntilTheClinicianResolvesTheFlag(LocalStack stack) {
        Api clara = Api.as(stack, "clara");
        Api petra = Api.as(stack, "petra");
        JsonNode latPulldown = itemOf(petra.getFromPlanner("/me/sessions/today").path("items"), LAT_PULLDOWN);
        String itemId = latPulldown.path("itemId").asText();
        petra.postToPlanner("/me/sets", set(TODAY, latPulldown, 1, null, 8, 7), 201);

        JsonNode flag = await("the STOP flag")
                .until(
                        () -> openFlags(clara, "STOP").stream()
                                .filter(f -> itemId.equals(f.path("itemId").asText()))
                                .findFirst()
                                .orElse(null),
                        f -> f != null);
        assertEquals("PAIN_ABOVE_FIVE", flag.path("rule").asText(), flag.toString());
        await("planner pauses the exercise")
                .untilAsserted(() -> assertTrue(
                        item(petra.getFromPlanner("/me/sessions/today").path("items"), itemId)
                                .path("paused")
                                .asBoolean()));
        petra.postToPlanner("/me/sets", set(TODAY, latPulldown, 2, null, 8, 1), 409);

        clara.postToProgress(
                "/pain-flags/" + flag.path("id").asText() + "/resolve",
                "{\"note\":\"Checked her form; lighter grip next time\"}",
                200);
        await("planner resumes the exercise")
                .untilAsserted(() -> assertFalse(
                        item(petra.getFromPlanner("/me/sessions/today").path("items"), itemId)
                                .path("paused")
                                .asBoolean()));
    }

    @Test
    @Order(3)
    void aMorningTwoPointsWorseRaisesAWatchFlagAndNothingProgresses(LocalStack stack) {
        Api clara = Api.as(stack, "clara");
        Api petra = Api.as(stack, "petra");
        // A record no consumer can ever read, in the middle of petra's events: it is parked alone.
        String poison = DeadLetterWatch.sendPoison(stack, "set-events", PETRA, "backstrong.checkin.morning.v1", "null");

        // The second session's first set was at pain 1: a morning at 3 is 2 points worse.
        checkIn(petra, SECOND_SESSION.plusDays(1), 3);
        JsonNode watch = await("the WATCH flag")
                .until(() -> openFlags(clara, "WATCH").stream().findFirst().orElse(null), f -> f != null);
        assertEquals("MORNING_PAIN_ROSE", watch.path("rule").asText(), watch.toString());

        completeSession(petra, TODAY);
        List<JsonNode> decisions = await("today's decisions").until(() -> decisionsOn(clara, TODAY), d -> !d.isEmpty());
        decisions.forEach(d -> assertEquals("HOLD", d.path("outcome").asText(), d.toString()));
        assertTrue(
                decisions.stream()
                        .anyMatch(d -> "WATCH_FLAG_OPEN".equals(d.path("rule").asText())),
                decisions.toString());
        JsonNode plan = clara.getFromPlanner("/plans/" + planId);
        assertEquals(
                2,
                itemOf(plan.path("items"), LAT_PULLDOWN)
                        .path("prescription")
                        .path("sets")
                        .asInt(),
                "the plan stays as it was");

        List<String> parkedHere = DeadLetterWatch.parked(stack).stream()
                .filter(record -> PETRA.equals(record.key()))
                .map(record -> DeadLetterWatch.header(record, "ce_id"))
                .toList();
        assertEquals(List.of(poison), parkedHere, "only the poison record of petra's is parked");
    }

    /**
     * The clinician's page of petra draws its weekly adherence chart from progress-service's
     * per-patient adherence (across the seam, through planner's client of it): each week progress
     * counts a session scheduled is a bar of its completed share, the same figure, in the same order.
     */
    @Test
    @Order(4)
    @DesktopWindow
    void theClinicianSeesProgressAdherenceFiguresInThePatientsChart(LocalStack stack, WebDriver browser) {
        Api clara = Api.as(stack, "clara");
        // The chart's span: the twelve ISO weeks up to this one.
        LocalDate from =
                TODAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(11);
        JsonNode answer = clara.getFromProgress("/patients/" + PETRA + "/adherence?from=" + from + "&to=" + TODAY);
        List<String> expected = new ArrayList<>();
        for (JsonNode week : answer.path("weeks")) {
            long scheduled = week.path("sessionsScheduled").asLong();
            if (scheduled > 0) {
                LocalDate monday = LocalDate.parse(week.path("weekStart").asText());
                double share =
                        Math.min(100d, 100d * week.path("sessionsCompleted").asLong() / scheduled);
                expected.add("W" + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ": " + figure(share));
            }
        }
        // The three weekly sessions of the first test: two whole ones, today's with one set.
        assertEquals(3, expected.size(), "progress counts petra's three weeks: " + answer);
        assertEquals(
                List.of(FIRST_SESSION, SECOND_SESSION, TODAY).stream()
                        .map(day -> "W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                        .toList(),
                expected.stream().map(bar -> bar.substring(0, bar.indexOf(':'))).toList());
        assertTrue(expected.get(0).endsWith(": 100"), "the first week's whole session counts: " + answer);

        AppPage.signInAs(browser, stack, "clara");
        List<String> bars = ClinicPatientPage.open(browser, stack, PETRA).adherenceBars();
        assertEquals(expected, bars, "the chart's bars are progress-service's figures");
    }

    /** A share as the chart writes it: whole numbers bare, else one decimal. */
    private static String figure(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Every prescribed set of every exercise of the session, at the first week's dose or the top of the range. */
    private static void logWholeSession(Api petra, LocalDate date, boolean topOfTheRange) {
        for (JsonNode item : petra.getFromPlanner("/me/sessions/" + date).path("items")) {
            JsonNode dose = item.path("dose");
            boolean reps = "reps".equals(dose.path("kind").asText());
            int count = topOfTheRange
                    ? (reps
                            ? dose.path("repsMax").asInt()
                            : dose.path("secondsMax").asInt())
                    : (reps ? dose.path("reps").asInt() : dose.path("seconds").asInt());
            List<String> sides = dose.path("perSide").asBoolean() ? List.of("left", "right") : nullSide();
            for (int number = 1; number <= dose.path("sets").asInt(); number++) {
                for (String side : sides) {
                    petra.postToPlanner("/me/sets", set(date, item, number, side, count, 1), 201);
                }
            }
        }
    }

    private static List<String> nullSide() {
        List<String> none = new ArrayList<>();
        none.add(null);
        return none;
    }

    /** One set as the page sends it: the dose's load, 2 reps in reserve (or effort 7 of 10 for timed work). */
    private static String set(LocalDate date, JsonNode item, int number, String side, int count, int pain) {
        JsonNode dose = item.path("dose");
        ObjectNode set = JSON.createObjectNode()
                .put("setId", UUID.randomUUID().toString())
                .put("planId", planId)
                .put("itemId", item.path("itemId").asText())
                .put("date", date.toString())
                .put("setNumber", number)
                .put("pain", pain)
                .put("beyondNormalFatigue", false);
        if (side != null) {
            set.put("side", side);
        }
        if ("reps".equals(dose.path("kind").asText())) {
            set.put("reps", count).put("rir", 2);
        } else {
            set.put("seconds", count).put("rpe", 7);
        }
        if (dose.hasNonNull("loadKg")) {
            set.put("loadKg", dose.path("loadKg").decimalValue());
        }
        if (dose.hasNonNull("band")) {
            set.put("band", dose.path("band").asText());
        }
        return set.toString();
    }

    private static void completeSession(Api petra, LocalDate date) {
        petra.postToPlanner("/me/sessions/" + date + "/complete", "{\"planId\":\"" + planId + "\"}", 201);
    }

    private static void checkIn(Api petra, LocalDate date, int pain) {
        petra.postToPlanner(
                "/me/check-ins",
                JSON.createObjectNode()
                        .put("id", UUID.randomUUID().toString())
                        .put("date", date.toString())
                        .put("pain", pain)
                        .toString(),
                201);
    }

    /** progress-service's decisions of this plan for one session, from petra's timeline. */
    private static List<JsonNode> decisionsOn(Api clara, LocalDate date) {
        JsonNode timeline = clara.getFromProgress("/patients/" + PETRA + "/timeline");
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode decision : timeline.path("decisions")) {
            if (date.toString().equals(decision.path("sessionDate").asText())) {
                found.add(decision);
            }
        }
        return found;
    }

    /** clara's open flags of petra's plan with one severity. */
    private static List<JsonNode> openFlags(Api clara, String severity) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode flag : clara.getFromProgress("/pain-flags")) {
            if (planId.equals(flag.path("planId").asText())
                    && severity.equals(flag.path("severity").asText())) {
                found.add(flag);
            }
        }
        return found;
    }

    private static JsonNode item(JsonNode items, String itemId) {
        for (JsonNode item : items.isArray() ? items : items.path("items")) {
            if (itemId.equals(item.path("itemId").asText(item.path("id").asText()))) {
                return item;
            }
        }
        throw new AssertionError("no item " + itemId + " in " + items);
    }

    private static JsonNode itemOf(JsonNode items, String exerciseId) {
        for (JsonNode item : items) {
            if (exerciseId.equals(item.path("exerciseId").asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + exerciseId + " in " + items);
    }

    private static ConditionFactory await(String what) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500));
    }
}
