package org.preconsult.plan.model;

import java.time.Instant;

/**
 * A project plan in its owner's registry. {@code revision} counts submissions: each submission
 * (first or after a return or deferral) is a new revision that review sees as its own case.
 */
public record Plan(
        String id,
        int revision,
        PlanContent content,
        PlanStatus status,
        String previousCaseId,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        long version) {

    public Completeness completeness() {
        return Completeness.of(content);
    }

    public Plan edited(PlanContent newContent, Instant at) {
        return new Plan(id, revision, newContent, status, previousCaseId, createdBy, createdAt, at, submittedAt, version);
    }

    public Plan submitted(Instant at) {
        return new Plan(id, revision + 1, content, PlanStatus.SUBMITTED, previousCaseId, createdBy, createdAt, at, at, version);
    }

    public Plan decided(PlanStatus newStatus, String caseId, Instant at) {
        return new Plan(id, revision, content, newStatus, caseId, createdBy, createdAt, at, submittedAt, version);
    }
}
