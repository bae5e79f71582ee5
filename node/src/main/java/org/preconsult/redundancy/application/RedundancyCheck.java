package org.preconsult.redundancy.application;

import org.preconsult.redundancy.model.CheckResult;
import org.preconsult.redundancy.model.PlanDraft;

/**
 * Checks a plan against this node's catalogue copy: the port other features call (plan drafting,
 * review routing). The use case behind it is {@link CheckingRedundancy}.
 */
public interface RedundancyCheck {

    /** Ranks the catalogue entries the plan may duplicate (at most {@code limit}) and recommends. */
    CheckResult check(PlanDraft draft, int limit);

    /**
     * As {@link #check(PlanDraft, int)}; with {@code bestPracticeOnly} the matches are only entries
     * marked as best practice (the recommendation still weighs every entry, so a filter never hides
     * an overlap from it).
     */
    default CheckResult check(PlanDraft draft, int limit, boolean bestPracticeOnly) {
        var result = check(draft, limit);
        return bestPracticeOnly
                ? new CheckResult(result.matches().stream().filter(m -> m.bestPractice()).toList(), result.recommendation())
                : result;
    }
}
