package org.backstrong.progress.domain.progression;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The reasons of progression decisions, in the patient's words (the clinician reads the same), kept
 * apart from the rules so that {@link DoubleProgression} reads like the architecture page.
 */
final class DecisionReasons {

    private DecisionReasons() {}

    static String planPaused() {
        return "Your plan is paused, so this session does not change it; the first session after it resumes decides.";
    }

    static String planEnded() {
        return "Your plan has ended, so this session does not change it.";
    }

    static String laterSessionDecided(LocalDate later) {
        return "Your session of " + later + " was decided before this one arrived, so this earlier session does not "
                + "change your plan.";
    }

    static String stopFlagOpen() {
        return "A pain flag on this exercise is open, so it stays paused until your clinician has reviewed it.";
    }

    static String exercisePaused() {
        return "This exercise is paused, so it stays as it is.";
    }

    static String painAboveFive(int highestPain) {
        return "Your pain went above 5 (it reached " + highestPain + "), so we keep this exercise as it is.";
    }

    static String beyondNormalFatigue() {
        return "You felt more than normal muscle fatigue, so we keep this exercise as it is.";
    }

    static String watchFlagOpen() {
        return "Your clinician is keeping an eye on your pain, so we hold this exercise for now.";
    }

    static String firstWeek() {
        return "This is your first week: we start light and build up from next week.";
    }

    static String painFourToFive(int highestPain) {
        return "Your pain reached " + highestPain + " (acceptable, but above 3), so we hold this exercise until it is "
                + "easier.";
    }

    static String setsMissed(Prescription p, int logged, int extra) {
        return "You logged " + logged + " of " + p.setsToLog() + " sets" + (p.perSide() ? " (counting each side)" : "")
                + (extra == 0
                        ? ""
                        : extra == 1
                                ? " and an extra set, which does not count"
                                : " and " + extra + " extra sets, which do not count")
                + ", so we hold this exercise until all of them are done.";
    }

    static String repsMissed(Prescription p) {
        return "Not every set reached " + p.top() + " " + p.unit() + (p.perSide() ? " on both sides" : "")
                + ", so we hold until they all do.";
    }

    static String effortTooHigh() {
        return "Some sets were very hard (fewer than 2 reps to spare), so we hold until they feel easier.";
    }

    static String effortNotReported() {
        return "Tell us how hard each set felt, so we know when it is safe to progress.";
    }

    static String noMorningCheckIn() {
        return "Tell us how your back feels the morning after a session, so we know when it is safe to progress.";
    }

    static String morningNotSettled(LocalDate date) {
        return "Your back had not settled by the morning of " + date + ", so we hold this exercise for now.";
    }

    /** What the patient did that earns a step: the start of every progression's reason. */
    static String done(Prescription p) {
        return (p.sets() == 1 ? "You did your set" : "You did all " + p.sets() + " sets")
                + (p.perSide() ? " on both sides" : "") + " at " + p.top() + " " + p.unit()
                + (p.countsReps() ? " with reps to spare" : " with effort to spare");
    }

    static String addSet(Prescription p) {
        return done(p) + ", so we added a set (" + (p.sets() + 1) + " sets).";
    }

    static String addLoad(Prescription p, LoadStep step) {
        return done(p) + ", so we raised the load " + step.inWords() + "; start again at " + p.bottom() + " " + p.unit()
                + " and build up.";
    }

    static String nextBand(Prescription p, Band heavierBand) {
        return done(p) + ", so you move from the " + p.band().colour() + " band to the " + heavierBand.colour()
                + " band; start again at " + p.bottom() + " " + p.unit() + " and build up.";
    }

    static String holdLongerInEachRep(Prescription p, int hold) {
        return done(p) + ", so hold each rep for " + hold + " seconds at the top.";
    }

    static String moreReps(Prescription p, int min, int max) {
        return done(p) + ", so your range is now " + min + "–" + max + " reps.";
    }

    static String longerHold(Prescription p, int min, int max) {
        return done(p) + ", so you now hold " + min + "–" + max + " seconds.";
    }

    static String harderVariantAlreadySuggested(Prescription p, LocalDate suggestedAfter) {
        return done(p) + " and the most this exercise asks; we suggested a harder variant to your clinician after "
                + "your session of " + suggestedAfter + ", so keep it up while they decide.";
    }

    static String harderVariant(Prescription p) {
        return done(p) + " and the most this exercise asks, so we suggest a harder variant to your clinician.";
    }

    static String topOfProgression(Prescription p) {
        return done(p) + " and the most this exercise asks; keep it up while your clinician plans what comes next.";
    }

    private static String missed(Prescription p, Integer lowest) {
        return "A set stayed below " + p.bottom() + " " + p.unit() + " (the fewest was " + lowest + ")";
    }

    static String belowTheRange(Prescription p, Integer lowest) {
        return missed(p, lowest) + ", so we hold this exercise; if the next session stays below the range too, we "
                + "step back.";
    }

    /** Below the range again: the start of every step back's reason. */
    static String twice(Prescription p, Integer lowest, LocalDate previousSession) {
        return missed(p, lowest) + ", as after your session of " + previousSession;
    }

    static String stepBackLoad(String twice, BigDecimal fromKg, BigDecimal toKg) {
        return twice + ", so we lowered the load from " + LoadStep.kg(fromKg) + " to " + LoadStep.kg(toKg) + ".";
    }

    static String stepBackBand(String twice, Band fromBand, Band toBand) {
        return twice + ", so you move from the " + fromBand.colour() + " band back to the " + toBand.colour()
                + " band.";
    }

    static String stepBackReps(String twice, int min, int max) {
        return twice + ", so your range is now " + min + "–" + max + " reps.";
    }

    static String stepBackPauseInEachRep(String twice, int hold) {
        return twice + ", so hold each rep for " + hold + (hold == 1 ? " second" : " seconds") + " at the top.";
    }

    static String stepBackHold(String twice, int min, int max) {
        return twice + ", so you now hold " + min + "–" + max + " seconds.";
    }

    static String stepBackSet(String twice, int sets) {
        return twice + ", so we took a set off (" + sets + " sets).";
    }

    static String atStartingDose(String twice) {
        return twice + "; this is already the dose you started at, so we keep it as it is until your clinician has "
                + "looked at it.";
    }
}
