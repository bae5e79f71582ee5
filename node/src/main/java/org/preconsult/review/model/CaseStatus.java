package org.preconsult.review.model;

public enum CaseStatus {
    /** Awaiting this node's decision. */
    OPEN,
    /** Decided at this node. */
    DECIDED,
    /** Reviewed in a preliminary way here and forwarded to the parent, which decides. */
    FORWARDED
}
