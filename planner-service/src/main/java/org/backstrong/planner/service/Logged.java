package org.backstrong.planner.service;

/** What a log call answers: the stored record, and whether this call created it (false for a resend). */
public record Logged<T>(T value, boolean created) {}
