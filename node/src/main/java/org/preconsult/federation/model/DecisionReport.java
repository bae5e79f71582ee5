package org.preconsult.federation.model;

import java.time.Instant;

/** A decision taken below central, reported upward for statistics and turnaround per level. */
public record DecisionReport(
        String caseId,
        String decisionId,
        String planId,
        int planRevision,
        String ownerNode,
        String ownerName,
        String decidingNode,
        String decidingLevel,
        String outcome,
        Instant submittedAt,
        Instant decidedAt,
        Instant dueAt,
        boolean automatic,
        String routingReason) {
}
