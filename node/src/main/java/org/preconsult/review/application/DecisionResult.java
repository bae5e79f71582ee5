package org.preconsult.review.application;

import org.preconsult.review.model.ReviewCase;

/** How a decision on a case was taken: recorded, or why not. The API maps each refusal to its problem once. */
public sealed interface DecisionResult permits DecisionResult.Decided, DecisionResult.ConditionsRequired,
        DecisionResult.ConditionsNotAllowed, DecisionResult.UnknownCase, DecisionResult.NotOpen,
        DecisionResult.OverrideReasonMissing {

    /** The decision was recorded, signed and sent down. */
    record Decided(ReviewCase decided) implements DecisionResult {
    }

    /** A conditional approval without a condition. */
    record ConditionsRequired() implements DecisionResult {
    }

    /** Conditions on an outcome other than a conditional approval. */
    record ConditionsNotAllowed() implements DecisionResult {
    }

    /** No case of this id exists at this node. */
    record UnknownCase(String caseId) implements DecisionResult {
    }

    /** The case is not open here (decided already, or forwarded to the parent). */
    record NotOpen(String caseId, String status, String outcome) implements DecisionResult {
    }

    /** The outcome departs from the recommendation without a reason. */
    record OverrideReasonMissing(String recommended, String chosen) implements DecisionResult {
    }
}
