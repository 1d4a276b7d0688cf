package org.backstrong.planner.domain;

public enum PlanStatus {
    ACTIVE,
    PAUSED,
    COMPLETED
}
