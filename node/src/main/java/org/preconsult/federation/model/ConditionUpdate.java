package org.preconsult.federation.model;

import java.time.Instant;

/** The applicant changed the status of a condition of a decision (e.g. recorded its fulfilment). */
public record ConditionUpdate(
        String decisionId,
        String conditionId,
        String planId,
        String ownerNode,
        String decidingNode,
        String status,
        String evidence,
        Instant changedAt,
        String changedBy) {
}
