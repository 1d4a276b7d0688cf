package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

import org.backstrong.e2e.browser.DesktopWindow;
import org.backstrong.e2e.pages.AppPage;
import org.backstrong.e2e.pages.ClinicPatientPage;
import org.backstrong.e2e.pages.PlanPage;
import org.backstrong.e2e.stack.LocalStack;

/**
 * A clinician runs a patient's course through the pages: clara (clinic-a) finds that a patient with a
 * pre-existing back condition cannot start a plan, records the professional's clearance, assigns the
 * built-in plan, changes one exercise's prescription (a refused range first, told in plain words),
 * pauses, resumes and ends the plan, each with a reason; the plan's history names her.
 */
@BrowserTest
@DesktopWindow
class PlanManagementIT {

    @Test
    void clinicianScreensClearsAssignsEditsPausesResumesAndEndsAPlan(LocalStack stack, WebDriver browser) {
        // A new patient of clinic-a (invited: a new account in Keycloak), with a pre-existing condition and no
        // clearance yet.
        Api clara = Api.as(stack, "clara");
        String patientId = clara.postToPlanner("/patients", """
                {"displayName": "Mara Managed", "preExistingCondition": true}
                """, 201).path("id").asText();

        AppPage.signInAs(browser, stack, "clara");
        ClinicPatientPage patient = ClinicPatientPage.open(browser, stack, patientId);
        assertTrue(patient.screening().contains("not cleared yet"), patient.screening());

        patient.assign("Back strength");
        patient = ClinicPatientPage.expect(browser);
        assertTrue(patient.conflict().contains("clearance"), patient.conflict());

        patient = patient.recordClearance().clear(LocalDate.now().minusDays(1), "Dr Rivera, physiotherapist");
        assertEquals("Screening saved.", patient.flash());
        assertTrue(patient.screening().contains("cleared on"), patient.screening());

        patient.assign("Back strength");
        patient = ClinicPatientPage.expect(browser);
        assertEquals("Plan assigned.", patient.flash());
        String planId = patient.currentPlanId();

        PlanPage plan = patient.managePlan();
        assertEquals("active", plan.status());
        plan.edit("Lat Pulldown").set("repsMin", "10").set("repsMax", "6").savePrescription("Ready for more");
        assertEquals("Highest reps must be at least the lowest (10)", plan.fieldError("repsMax"));
        plan.set("repsMax", "15").savePrescription("Strong at the review: a higher range");
        plan = PlanPage.expect(browser);
        assertEquals("Prescription changed.", plan.flash());
        assertTrue(plan.dose("Lat Pulldown").contains("10–15 reps"), plan.dose("Lat Pulldown"));

        plan.changeStatus("pause", "Away for two weeks");
        plan = PlanPage.expect(browser);
        assertEquals("Plan paused.", plan.flash());
        assertEquals("paused", plan.status());

        plan.changeStatus("resume", "Back from holiday");
        plan = PlanPage.expect(browser);
        assertEquals("Plan resumed.", plan.flash());
        assertEquals("active", plan.status());

        List<String> history = plan.history();
        assertTrue(
                history.get(0).contains("Clara Clinician") && history.get(0).contains("Back from holiday"),
                "the history names who changed what: " + history);
        assertTrue(
                history.stream()
                        .anyMatch(entry -> entry.contains("Lat Pulldown") && entry.contains("Strong at the review")),
                history.toString());

        plan.changeStatus("end", "Goals reached");
        patient = ClinicPatientPage.expect(browser);
        assertEquals("Plan ended.", patient.flash());
        assertTrue(patient.canAssign(), "the ended plan makes room for another");
        assertTrue(
                patient.changedBy().contains("Clara Clinician"),
                patient.changedBy().toString());

        // The pages went through the same services as the API
        JsonNode ended = clara.getFromPlanner("/plans/" + planId);
        assertEquals("completed", ended.path("status").asText());
        assertEquals("Goals reached", ended.path("statusReason").asText());
        JsonNode audit = clara.getFromPlanner("/plans/" + planId + "/audit");
        assertEquals(5, audit.size(), "assigned, edited, paused, resumed, ended: " + audit);
        for (JsonNode entry : audit) {
            assertEquals("Clara Clinician", entry.path("changedByName").asText(), entry.toString());
        }
    }
}
