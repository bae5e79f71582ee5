package org.preconsult.lifecycle.model;

/**
 * Where a plan stands after review: the outcome of its last decision, then its life as a project.
 * Only an approved plan has a life after its decision; a deferred or returned one waits for its
 * next submission.
 */
public enum Stage {
    APPROVED,
    CONDITIONALLY_APPROVED,
    DEFERRED,
    RETURNED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    /** True while the plan is approved and not yet finished: its owner owes lifecycle updates. */
    public boolean expectsUpdates() {
        return this == APPROVED || this == CONDITIONALLY_APPROVED || this == IN_PROGRESS;
    }

    /** True for an approved plan whose project has not started yet. */
    public boolean isApproved() {
        return this == APPROVED || this == CONDITIONALLY_APPROVED;
    }
}
