package org.preconsult.plan.model;

/** Where a plan stands at its owner node. */
public enum PlanStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    CONDITIONALLY_APPROVED,
    DEFERRED,
    RETURNED;

    /** A plan can be edited (and submitted again) while drafted, or after a return or a deferral. */
    public boolean isEditable() {
        return this == DRAFT || this == RETURNED || this == DEFERRED;
    }
}
