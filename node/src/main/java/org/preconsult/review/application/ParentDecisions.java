package org.preconsult.review.application;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.preconsult.common.infrastructure.TextLists;
import org.preconsult.decision.application.ForwardedCases;
import org.preconsult.decision.model.Decision;
import org.preconsult.review.infrastructure.JsonColumns;
import org.preconsult.review.infrastructure.ReviewRepositories.ReviewCaseRows;

/**
 * At a provincial node: the parent's decision on a plan it forwarded passes through on its way to
 * the plan's origin; it is noted on the forwarded case (which stays FORWARDED).
 */
@Singleton
class ParentDecisions implements ForwardedCases {

    private final ReviewCaseRows cases;
    private final JsonColumns json;

    ParentDecisions(ReviewCaseRows cases, JsonColumns json) {
        this.cases = cases;
        this.json = json;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void parentDecided(Decision decision) {
        cases.findByOriginNodeAndPlanIdAndPlanRevision(decision.originNode(), decision.planId(), decision.planRevision())
                .filter(row -> row.caseStatus().awaitsParent() && row.decisionId() == null)
                .ifPresent(row -> cases.update(row.withDecision(row.status(), decision.decisionId(),
                        decision.outcome().name(), TextLists.join(decision.reasons()), json.write(decision.conditions()),
                        decision.decidedBy(), decision.automatic(), decision.decidedAt(), row.decidingLevel(), null,
                        decision.decidingNode())));
    }
}
