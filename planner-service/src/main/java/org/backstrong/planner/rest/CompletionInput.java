package org.backstrong.planner.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

public record CompletionInput(@NotNull UUID planId) {}
