package org.backstrong.planner.event;

/** CloudEvents types of the event contract (contract/asyncapi.yaml; one schema each, kept by its producer). */
public final class EventTypes {

    public static final String PLAN_ASSIGNED = "backstrong.plan.assigned.v1";
    public static final String PLAN_CHANGED = "backstrong.plan.changed.v1";
    public static final String PLAN_PAUSED = "backstrong.plan.paused.v1";
    public static final String PLAN_RESUMED = "backstrong.plan.resumed.v1";
    public static final String PLAN_ENDED = "backstrong.plan.ended.v1";
    public static final String SET_COMPLETED = "backstrong.set.completed.v1";
    public static final String SESSION_COMPLETED = "backstrong.session.completed.v1";
    public static final String MORNING_CHECK_IN = "backstrong.checkin.morning.v1";
    public static final String OUTCOME_RECORDED = "backstrong.outcome.recorded.v1";
    public static final String PROGRESSION_ADJUSTED = "backstrong.progression.adjusted.v1";
    public static final String PAIN_FLAGGED = "backstrong.pain.flagged.v1";
    public static final String PAIN_FLAG_RESOLVED = "backstrong.pain.flag-resolved.v1";

    /** ce_source of everything planner-service publishes. */
    public static final String SOURCE = "/planner-service";

    private EventTypes() {}
}
