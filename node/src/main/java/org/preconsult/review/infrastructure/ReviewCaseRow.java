package org.preconsult.review.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import org.preconsult.federation.model.PlanSummary;
import org.preconsult.review.model.CaseStatus;

/** A row of {@code review_case}: one review of one plan revision at this node, and its decision. */
@MappedEntity("review_case")
public record ReviewCaseRow(
        @Id String id,
        String originNode,
        String planId,
        int planRevision,
        @Nullable String ownerName,
        String title,
        String summary,
        @Nullable String evidence,
        @Nullable String preliminary,
        @Nullable String routingReason,
        boolean disasterOrSafety,
        String status,
        Instant openedAt,
        Instant submittedAt,
        Instant dueAt,
        @Nullable String previousCaseId,
        @Nullable String decisionId,
        @Nullable String outcome,
        @Nullable String reasons,
        @Nullable String conditions,
        @Nullable String decidedBy,
        @Nullable Boolean automatic,
        @Nullable Instant decidedAt,
        @Nullable String decidingLevel,
        @Nullable String recommendedOutcome,
        @Nullable String overrideReason,
        @Nullable String forwardedTo) {

    /**
     * A case just opened (or forwarded) on a plan revision: nothing decided on it yet.
     *
     * @param summary     the plan's summary as JSON
     * @param evidence    the redundancy check as JSON (null when none was available)
     * @param preliminary the lower levels' preliminary reviews as JSON (null when none)
     * @param decidingLevel the role of the node that decides (null while the parent is to decide)
     * @param forwardedTo the parent's address, while the parent is to decide (else null)
     */
    public static ReviewCaseRow opened(String id, PlanSummary plan, String summary, String evidence, String preliminary,
                                       String routingReason, CaseStatus status, Instant openedAt, Instant submittedAt,
                                       Instant dueAt, String decidingLevel, String recommendedOutcome, String forwardedTo) {
        return new ReviewCaseRow(id, plan.ownerNode(), plan.planId(), plan.revision(), plan.ownerName(), plan.title(),
                summary, evidence, preliminary, routingReason, plan.disasterOrSafety(), status.name(), openedAt,
                submittedAt, dueAt, plan.previousCaseId(), NO_DECISION_ID, NO_OUTCOME, NO_REASONS, NO_CONDITIONS,
                NOT_DECIDED_BY, NOT_AUTOMATIC, NOT_DECIDED_AT, decidingLevel, recommendedOutcome, NO_OVERRIDE, forwardedTo);
    }

    private static final String NO_DECISION_ID = null;
    private static final String NO_OUTCOME = null;
    private static final String NO_REASONS = null;
    private static final String NO_CONDITIONS = null;
    private static final String NOT_DECIDED_BY = null;
    private static final Boolean NOT_AUTOMATIC = null;
    private static final Instant NOT_DECIDED_AT = null;
    private static final String NO_OVERRIDE = null;

    /** The case's state, as the model names it. */
    public CaseStatus caseStatus() {
        return CaseStatus.valueOf(status);
    }

    /** The same case with a decision recorded on it. */
    public ReviewCaseRow withDecision(String newStatus, String newDecisionId, String newOutcome, String newReasons,
                                      String newConditions, String newDecidedBy, boolean newAutomatic,
                                      Instant newDecidedAt, String newDecidingLevel, String newOverrideReason,
                                      String newForwardedTo) {
        return new ReviewCaseRow(id, originNode, planId, planRevision, ownerName, title, summary, evidence, preliminary,
                routingReason, disasterOrSafety, newStatus, openedAt, submittedAt, dueAt, previousCaseId, newDecisionId,
                newOutcome, newReasons, newConditions, newDecidedBy, newAutomatic, newDecidedAt, newDecidingLevel,
                recommendedOutcome, newOverrideReason, newForwardedTo);
    }
}
