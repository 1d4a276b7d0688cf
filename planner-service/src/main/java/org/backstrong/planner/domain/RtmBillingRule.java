package org.backstrong.planner.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The billing thresholds US clinics use for remote therapeutic monitoring since 2026, as a pure
 * function of one 30-day period: how many days had data, and whether it is the patient's first.
 * Backstrong only counts days; whether a code may be billed is the clinic's call.
 */
public final class RtmBillingRule {

    /** Set-up and patient education, once: with the patient's first period. */
    public static final String SETUP = "98975";
    /** Device supply for 2 to 15 days of data in a period. */
    public static final String SUPPLY_2_TO_15_DAYS = "98985";
    /** Device supply for 16 to 30 days of data in a period. */
    public static final String SUPPLY_16_TO_30_DAYS = "98977";

    public static final int PERIOD_DAYS = 30;

    private RtmBillingRule() {}

    /** The set-up rule: the first period carries the set-up code. */
    public static final String RULE_SETUP = "first-period-setup";

    public static final String RULE_16_TO_30 = "days-16-to-30";
    public static final String RULE_2_TO_15 = "days-2-to-15";
    public static final String RULE_FEWER_THAN_2 = "fewer-than-2-days";

    /** The rules that fired (in order), the numbers they fired on, the codes they give, and why in words. */
    public record Decision(int period, int daysWithData, List<String> rules, List<String> codes, String reason) {}

    public static Decision decide(int period, int daysWithData) {
        if (period < 1) {
            throw new IllegalArgumentException("periods count from 1, not " + period);
        }
        if (daysWithData < 0 || daysWithData > PERIOD_DAYS) {
            throw new IllegalArgumentException("a period has 0 to 30 days with data, not " + daysWithData);
        }
        List<String> rules = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        StringBuilder reason = new StringBuilder();
        if (period == 1) {
            rules.add(RULE_SETUP);
            codes.add(SETUP);
            reason.append("first period: ").append(SETUP).append(" (set-up); ");
        }
        if (daysWithData >= 16) {
            rules.add(RULE_16_TO_30);
            codes.add(SUPPLY_16_TO_30_DAYS);
            reason.append(daysWithData).append(" days with data (16–30): ").append(SUPPLY_16_TO_30_DAYS);
        } else if (daysWithData >= 2) {
            rules.add(RULE_2_TO_15);
            codes.add(SUPPLY_2_TO_15_DAYS);
            reason.append(daysWithData).append(" days with data (2–15): ").append(SUPPLY_2_TO_15_DAYS);
        } else {
            rules.add(RULE_FEWER_THAN_2);
            reason.append(daysWithData)
                    .append(daysWithData == 1 ? " day" : " days")
                    .append(" with data (fewer than 2): no supply code");
        }
        return new Decision(period, daysWithData, List.copyOf(rules), List.copyOf(codes), reason.toString());
    }
}
