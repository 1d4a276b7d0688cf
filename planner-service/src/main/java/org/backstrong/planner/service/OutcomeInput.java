package org.backstrong.planner.service;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.databind.JsonNode;

import org.backstrong.planner.domain.Measure;
import org.backstrong.planner.domain.Occasion;

/**
 * A filled-in outcome measure: the id comes from the device (a resend is harmless); the answers are keyed by
 * the Questionnaire's item linkIds (a number, true/false or text each).
 */
public record OutcomeInput(
        @NotNull UUID id,
        @NotNull UUID planId,
        @NotNull Measure measure,
        @NotNull Occasion occasion,
        @NotNull LocalDate dueOn,
        @NotNull Map<String, JsonNode> answers) {}
