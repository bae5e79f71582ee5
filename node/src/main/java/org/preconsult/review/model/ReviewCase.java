package org.preconsult.review.model;

import org.preconsult.decision.model.Decision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.preconsult.federation.model.PlanSummary;
import org.preconsult.federation.model.PreliminaryReview;
import org.preconsult.redundancy.model.CheckResult;

/**
 * A plan revision under review at this node, with the evidence the reviewer sees (this node's
 * redundancy check and the preliminary reviews of lower levels) and, once decided, the decision.
 * The clock runs from submission to {@code dueAt}.
 */
public record ReviewCase(
        String id,
        PlanSummary plan,
        CheckResult evidence,
        List<PreliminaryReview> preliminary,
        String routingReason,
        String decidingLevel,
        CaseStatus status,
        Instant openedAt,
        Instant dueAt,
        String previousCaseId,
        String forwardedTo,
        String overrideReason,
        Decision decision) {

    public ReviewCase {
        preliminary = preliminary == null ? List.of() : List.copyOf(preliminary);
    }

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
