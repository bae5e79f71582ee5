package org.preconsult.review.application;

import java.time.LocalDate;
import java.util.List;
import org.preconsult.common.model.Outcome;

/**
 * A reviewer's decision on an open case. {@code overrideReason} is required to depart from the
 * recommendation.
 */
public record DecisionCommand(Outcome outcome, List<String> reasons, List<ConditionCommand> conditions,
                              String adoptEntryId, String adoptEntryOwner, String overrideReason) {

    /** One condition of a conditional approval; without a due date it is due after the configured period. */
    public record ConditionCommand(String text, LocalDate dueDate, String entryId) {
    }
}
