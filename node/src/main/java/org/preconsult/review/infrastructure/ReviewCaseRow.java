package org.preconsult.review.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

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
