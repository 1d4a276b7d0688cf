package org.backstrong.planner.rest;

import java.time.OffsetDateTime;
import java.util.List;

import org.backstrong.planner.domain.ClinicQuestionnaire;
import org.backstrong.planner.domain.Measure;

/** A licensed wording the clinic loaded: its canonical (url|version) and its sections' linkIds, in order. */
public record WordingView(Measure measure, String canonical, List<String> sections, OffsetDateTime loadedAt) {

    public static WordingView of(ClinicQuestionnaire wording) {
        return new WordingView(
                wording.key.measure(), wording.canonical, List.copyOf(wording.sections), wording.loadedAt);
    }
}
