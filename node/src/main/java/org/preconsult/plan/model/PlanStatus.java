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

    /** Only a plan that never left its node (a draft) can be withdrawn, that is deleted. */
    public boolean isWithdrawable() {
        return this == DRAFT;
    }
}
