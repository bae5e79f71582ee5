package org.preconsult.review.application;

import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.Predicate;
import org.preconsult.federation.application.Upstream;
import org.preconsult.federation.model.PlanRef;
import org.preconsult.federation.model.PlanSummary;
import org.preconsult.federation.model.Upward;
import org.preconsult.node.NodeSettings;
import org.preconsult.redundancy.model.CheckResult;
import org.preconsult.review.infrastructure.JsonColumns;
import org.preconsult.review.infrastructure.ReviewRepositories.ReviewCaseRows;
import org.preconsult.review.model.CaseStatus;

/**
 * What this node holds for review, as reconciliation with the parent and the children asks: the
 * revisions awaiting a decision, and a forwarded plan sent up again when the parent lost it.
 */
@Singleton
public class CaseHoldings {

    /** Where a plan revision stands at this node. */
    public enum Holding { NONE, AWAITING_DECISION, DECIDED }

    private final ReviewCaseRows cases;
    private final JsonColumns json;
    private final NodeSettings node;
    private final Upstream upstream;

    CaseHoldings(ReviewCaseRows cases, JsonColumns json, NodeSettings node, Upstream upstream) {
        this.cases = cases;
        this.json = json;
        this.node = node;
        this.upstream = upstream;
    }

    /** The revisions this node holds without a decision yet, of plans whose origin passes the filter. */
    @Transactional(readOnly = true)
    public List<PlanRef> awaitingDecision(Predicate<String> origin) {
        return cases.findByStatusInList(List.of(CaseStatus.OPEN.name(), CaseStatus.FORWARDED.name())).stream()
                .filter(row -> row.decisionId() == null && origin.test(row.originNode()))
                .map(row -> new PlanRef(row.originNode(), row.planId(), row.planRevision()))
                .toList();
    }

    /** The plans this node forwarded whose decision has not come down yet: what its parent should hold. */
    @Transactional(readOnly = true)
    public List<PlanRef> forwardedAwaitingDecision() {
        return awaitingDecision(origin -> true).stream()
                .filter(ref -> cases.findByOriginNodeAndPlanIdAndPlanRevision(ref.originNode(), ref.planId(), ref.revision())
                        .map(row -> row.caseStatus().awaitsParent()).orElse(false))
                .toList();
    }

    @Transactional(readOnly = true)
    public Holding holding(PlanRef ref) {
        return cases.findByOriginNodeAndPlanIdAndPlanRevision(ref.originNode(), ref.planId(), ref.revision())
                .map(row -> row.decisionId() == null ? Holding.AWAITING_DECISION : Holding.DECIDED)
                .orElse(Holding.NONE);
    }

    /**
     * Forwards a plan again, with its preliminary review, because the parent has no record of it;
     * a case that is no longer waiting for the parent is left alone.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean forwardAgain(PlanRef ref) {
        var row = cases.findByOriginNodeAndPlanIdAndPlanRevision(ref.originNode(), ref.planId(), ref.revision());
        if (row.isEmpty() || !row.get().caseStatus().awaitsParent() || row.get().decisionId() != null) {
            return false;
        }
        var plan = json.read(row.get().summary(), Argument.of(PlanSummary.class));
        CheckResult check = row.get().evidence() == null ? null : json.read(row.get().evidence(), Argument.of(CheckResult.class));
        upstream.announce(new Upward.ReviewForwarded(plan, PreliminaryReviews.of(node, check, row.get().routingReason())));
        return true;
    }
}
