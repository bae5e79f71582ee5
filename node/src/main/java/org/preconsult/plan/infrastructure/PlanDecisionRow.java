package org.preconsult.plan.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("plan_decision")
public record PlanDecisionRow(
        @Id String decisionId,
        String planId,
        int planRevision,
        String caseId,
        String outcome,
        @Nullable String reasons,
        @Nullable String conditions,
        String decidingNode,
        @Nullable String decidedBy,
        boolean automatic,
        Instant decidedAt,
        Instant receivedAt,
        @Nullable String signerKeyId) {
}
