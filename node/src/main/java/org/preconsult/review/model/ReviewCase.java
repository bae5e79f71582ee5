package org.preconsult.review.model;

import java.time.Duration;
import java.time.Instant;
import org.preconsult.federation.model.PlanSummary;
import org.preconsult.redundancy.model.CheckResult;

/**
 * A plan revision under review at this node, with the evidence the reviewer sees and, once
 * decided, the decision. The clock runs from submission to {@code dueAt}.
 */
public record ReviewCase(
        String id,
        PlanSummary plan,
        CheckResult evidence,
        String routingReason,
        CaseStatus status,
        Instant openedAt,
        Instant dueAt,
        String previousCaseId,
        Decision decision) {

    /** Time left until the due date (negative when overdue; frozen at the decision once decided). */
    public Duration remaining(Instant now) {
        Instant end = decision == null ? now : decision.decidedAt();
        return Duration.between(end, dueAt);
    }

    public boolean overdue(Instant now) {
        return remaining(now).isNegative();
    }

    /** Submitted to decided, once decided. */
    public Duration turnaround() {
        return decision == null ? null : Duration.between(plan.submittedAt(), decision.decidedAt());
    }
}
