package org.backstrong.progress.domain.progression;

/** A pain flag the rules want raised: how serious, which rule, and the numbers in words. */
public record FlagCall(PainFlagSeverity severity, PainFlagRule rule, String evidence) {

    /** A flag is as serious as its rule says. */
    public FlagCall {
        if (rule.severity() != severity) {
            throw new IllegalArgumentException("Rule " + rule + " raises " + rule.severity() + ", not " + severity);
        }
    }
}
