package org.preconsult.review.model;

/** Where a review case stands at this node, and the moves between states. */
public enum CaseStatus {
    /** Awaiting this node's decision. */
    OPEN,
    /** Decided at this node. */
    DECIDED,
    /** Reviewed in a preliminary way here and forwarded to the parent, which decides. */
    FORWARDED;

    /** Whether a decision may be recorded on a case in this state at this node. */
    public boolean canBeDecidedHere() {
        return this == OPEN;
    }

    /** The state a case takes when this node decides it. */
    public CaseStatus afterDecision() {
        if (!canBeDecidedHere()) {
            throw new IllegalStateException("A case that is " + this + " cannot be decided here");
        }
        return DECIDED;
    }

    /** Whether the case waits for the parent's decision (this node forwarded the plan). */
    public boolean awaitsParent() {
        return this == FORWARDED;
    }

}
