package org.backstrong.planner.rest;

import java.time.OffsetDateTime;

/**
 * Whether the patient's calendar feed is on, since when, and (only in the answer that turned it
 * on) its private address: planner keeps no copy of it, so it cannot be shown again.
 */
public record CalendarFeedView(boolean enabled, OffsetDateTime createdAt, String url) {}
