package org.backstrong.planner.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.backstrong.planner.domain.Measure;
import org.backstrong.planner.domain.Occasion;

/**
 * A measure the patient is asked to fill in now: the occasion and day it answers, the Questionnaire
 * (canonical|version), and for a PSFS follow-up the activities named first, which it rates again.
 */
public record DueMeasure(
        UUID planId,
        Measure measure,
        Occasion occasion,
        LocalDate dueOn,
        String questionnaire,
        List<String> activities) {}
