package org.preconsult.common.model;

/** The four outcomes of a consultation prior to development. */
public enum Outcome {
    /** No significant overlap: the plan may go ahead. */
    UNCONDITIONAL_APPROVAL,
    /** Overlaps a system that exists (or is being built) elsewhere: adopt it rather than build anew. */
    CONDITIONAL_APPROVAL,
    /** Overlaps a standard system a central agency plans or distributes: wait for it. */
    DEFERRAL,
    /** Incomplete: not reviewed until completed. */
    RETURN;

    /** Whether the plan may go ahead (with or without conditions), and so joins the catalogue. */
    public boolean isApproval() {
        return this == UNCONDITIONAL_APPROVAL || this == CONDITIONAL_APPROVAL;
    }
}
