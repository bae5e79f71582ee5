package org.preconsult.decision.api;

import org.preconsult.common.api.ProblemException;
import org.preconsult.decision.application.ConditionChange;

/** The one place a refused change to a condition becomes a problem response, for the API and the pages alike. */
public final class ConditionProblems {

    private ConditionProblems() {
    }

    /** The settled condition, or the problem that says why it was not settled. */
    public static <T> T settled(ConditionChange<T> change) {
        if (change instanceof ConditionChange.Settled<T> s) {
            return s.condition();
        } else if (change instanceof ConditionChange.UnknownCondition<T> u) {
            throw ProblemException.notFound("Condition", u.conditionId());
        } else if (change instanceof ConditionChange.AlreadySettled<T> a) {
            throw ProblemException.conflict("Condition " + a.conditionId() + " is already " + a.status() + ".");
        }
        throw new IllegalStateException("Unhandled condition change " + change);
    }
}
