package org.preconsult.decision.model;

import java.time.Instant;
import java.util.List;
import org.preconsult.common.model.Outcome;

/**
 * A decision on one revision of a plan, addressed to the plan's origin node. {@code adoptEntryId}
 * and {@code adoptEntryOwner} name the system to adopt (conditional approval) or wait for
 * (deferral).
 */
public record Decision(
        String decisionId,
        String caseId,
        String planId,
        int planRevision,
        String originNode,
        String decidingNode,
        Outcome outcome,
        List<String> reasons,
        List<Condition> conditions,
        Instant decidedAt,
        boolean automatic,
        String decidedBy,
        String adoptEntryId,
        String adoptEntryOwner) {

    public Decision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
