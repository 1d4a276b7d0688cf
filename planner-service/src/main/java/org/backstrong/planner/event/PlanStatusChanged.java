package org.backstrong.planner.event;

import java.time.LocalDate;
import java.util.UUID;

/** PlanPaused / PlanResumed / PlanEnded data. */
public record PlanStatusChanged(UUID planId, String patientId, String clinicId, LocalDate date, String reason) {}
