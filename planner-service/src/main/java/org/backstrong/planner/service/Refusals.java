package org.backstrong.planner.service;

import java.util.Optional;

import org.backstrong.planner.domain.SetRefusal;

/** The domain's refusals as the service exceptions every caller already answers (404, 409, 400 or 422). */
final class Refusals {

    private Refusals() {}

    static RuntimeException exception(SetRefusal refusal) {
        return switch (refusal.kind()) {
            case NOT_FOUND -> new NotFoundException(refusal.message());
            case CONFLICT -> new ConflictException(refusal.problemType(), refusal.message());
            case INVALID_FIELD -> new InvalidInputException(refusal.field(), refusal.message());
            case UNPROCESSABLE ->
                new InvalidInputException(422, refusal.problemType(), refusal.field(), refusal.message());
        };
    }

    /** Throws the refusal, if there is one. */
    static void throwIfAny(Optional<SetRefusal> refusal) {
        if (refusal.isPresent()) {
            throw exception(refusal.get());
        }
    }
}
