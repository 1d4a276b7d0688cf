package org.backstrong.planner.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.backstrong.planner.domain.BandColours;
import org.backstrong.planner.domain.StopAdvice;
import org.backstrong.planner.service.SessionView;
import org.backstrong.planner.service.SetView;

/**
 * Today's session as the patient's page shows it: each exercise with its dose in words and one
 * slot per set (per side when the exercise is done on each side), either logged already or a form
 * carrying a set id made now, so the device can resend it harmlessly.
 */
public record SessionPage(SessionView session, List<Exercise> exercises, String stopAdvice) {

    public record Exercise(
            SessionView.Item item,
            String dose,
            boolean stopped,
            boolean timed,
            String loadKind,
            BigDecimal loadKg,
            String band,
            List<Slot> slots) {

        public String id() {
            return item.itemId().toString();
        }

        public boolean warmUp() {
            return "warm-up".equals(item.block());
        }

        public String measure() {
            return timed ? "seconds" : "reps";
        }

        public Integer suggested() {
            SessionView.Dose d = item.dose();
            return timed
                    ? (d.seconds() != null ? d.seconds() : d.secondsMin())
                    : (d.reps() != null ? d.reps() : d.repsMin());
        }
    }

    /** One set to do: its number, its side (or none), and what was logged for it. */
    public record Slot(int setNumber, String side, SetView logged, UUID newSetId) {

        public String label() {
            return "Set " + setNumber + (side == null ? "" : " — " + side + " side");
        }

        public String key() {
            return setNumber + (side == null ? "" : "-" + side);
        }
    }

    public static SessionPage of(SessionView session) {
        List<Exercise> exercises = new ArrayList<>();
        for (SessionView.Item item : session.items()) {
            SessionView.Dose dose = item.dose();
            boolean timed = !"reps".equals(dose.kind());
            boolean stopped = item.paused() || item.logged().stream().anyMatch(SetView::stop);
            List<Slot> slots = new ArrayList<>();
            for (int n = 1; n <= dose.sets(); n++) {
                for (String side :
                        dose.perSide() ? List.of("left", "right") : java.util.Collections.<String>singletonList(null)) {
                    slots.add(new Slot(n, side, loggedFor(item.logged(), n, side), UUID.randomUUID()));
                }
            }
            exercises.add(new Exercise(
                    item, describe(dose), stopped, timed, dose.loadKind(), dose.loadKg(), dose.band(), slots));
        }
        return new SessionPage(session, exercises, StopAdvice.MESSAGE);
    }

    /** The band colours to choose from, lightest first. */
    public List<String> bands() {
        return BandColours.LIGHTEST_FIRST;
    }

    /** Whether every set of every exercise that is not stopped is logged. */
    public boolean allLogged() {
        return exercises.stream()
                .filter(e -> !e.stopped())
                .allMatch(e -> e.slots().stream().allMatch(s -> s.logged() != null));
    }

    private static SetView loggedFor(List<SetView> logged, int setNumber, String side) {
        return logged.stream()
                .filter(set -> set.setNumber() == setNumber && java.util.Objects.equals(set.side(), side))
                .findFirst()
                .orElse(null);
    }

    /** "3 sets × 8 reps (range 8–12) each side, 10 kg, rest 60 s". */
    static String describe(SessionView.Dose d) {
        StringBuilder text = new StringBuilder();
        text.append(d.sets()).append(d.sets() == 1 ? " set × " : " sets × ");
        if ("reps".equals(d.kind())) {
            text.append(
                    d.reps() != null ? d.reps() + " reps (start light)" : range(d.repsMin(), d.repsMax()) + " reps");
            if (d.holdSeconds() != null && d.holdSeconds() > 0) {
                text.append(", hold each rep ").append(d.holdSeconds()).append(" s");
            }
        } else {
            text.append(
                    d.seconds() != null
                            ? d.seconds() + " s (start light)"
                            : range(d.secondsMin(), d.secondsMax()) + " s");
        }
        if (d.perSide()) {
            text.append(" each side");
        }
        switch (d.loadKind()) {
            case "kg" ->
                text.append(", ")
                        .append(
                                d.loadKg() == null
                                        ? "?"
                                        : d.loadKg().stripTrailingZeros().toPlainString())
                        .append(" kg");
            case "band" -> text.append(", ").append(d.band()).append(" band");
            default -> text.append(", bodyweight");
        }
        if (d.restSeconds() > 0) {
            text.append(", rest ").append(d.restSeconds()).append(" s");
        }
        return text.toString();
    }

    private static String range(Integer min, Integer max) {
        if (min == null) {
            return String.valueOf(max);
        }
        return min.equals(max) || max == null ? String.valueOf(min) : min + "–" + max;
    }
}
