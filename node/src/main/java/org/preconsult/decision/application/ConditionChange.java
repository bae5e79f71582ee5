package org.preconsult.decision.application;

/**
 * What came of settling one condition of a decision (fulfilled by the applicant, or waived by the
 * deciding level): settled, or why not. The API maps each refusal to its problem once
 * ({@code org.preconsult.decision.api.ConditionProblems}).
 *
 * @param <T> the condition as the settling side keeps it
 */
public sealed interface ConditionChange<T> permits ConditionChange.Settled, ConditionChange.UnknownCondition,
        ConditionChange.AlreadySettled {

    /** The condition is settled; {@code condition} is how it stands now. */
    record Settled<T>(T condition) implements ConditionChange<T> {
    }

    /** No such condition here (or not on this plan). */
    record UnknownCondition<T>(String conditionId) implements ConditionChange<T> {
    }

    /** The condition is no longer open. */
    record AlreadySettled<T>(String conditionId, String status) implements ConditionChange<T> {
    }
}
