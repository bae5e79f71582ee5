package org.preconsult.signing.model;

/**
 * Whether a decision may still be applied at this node. A decision is applied at most once, and a
 * plan revision receives at most one decision.
 */
public sealed interface ReplayCheck permits ReplayCheck.Fresh, ReplayCheck.Replayed {

    /** Not applied before. Returned by {@code markApplied} it means: now marked as applied. */
    record Fresh(String decisionId) implements ReplayCheck {
    }

    /** Applied before ({@link RejectionReason#REPLAYED}) or the plan revision has another decision
     * ({@link RejectionReason#CONFLICTING_DECISION}). */
    record Replayed(String decisionId, RejectionReason reason, String message) implements ReplayCheck {
    }
}
