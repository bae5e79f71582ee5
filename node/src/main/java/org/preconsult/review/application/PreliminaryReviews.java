package org.preconsult.review.application;

import java.util.List;
import org.preconsult.federation.model.PreliminaryReview;
import org.preconsult.node.NodeSettings;
import org.preconsult.redundancy.model.CheckResult;
import org.preconsult.review.model.Routing;

/** Writes this node's preliminary review of a plan it forwards: its check, what it recommends, and why the plan goes up. */
final class PreliminaryReviews {

    private PreliminaryReviews() {
    }

    static PreliminaryReview of(NodeSettings node, CheckResult check, String routingReason) {
        if (check == null || check.recommendation() == null) {
            return new PreliminaryReview(node.id(), Routing.OPINION_NO_CHECK.fill(node.name()),
                    null, List.of(), routingReason, List.of());
        }
        var r = check.recommendation();
        var matches = check.matches().stream().limit(5).map(m -> new PreliminaryReview.MatchBrief(m.entryId(),
                m.kind().name(), m.owner(), m.name(), m.score())).toList();
        String opinion = r.proposed() == null ? Routing.OPINION.fill(node.name(), r.outcome())
                : Routing.OPINION_PROPOSING.fill(node.name(), r.outcome(), r.proposed().name(), r.proposed().owner());
        return new PreliminaryReview(node.id(), opinion, r.outcome().name(), r.reasons(), routingReason, matches);
    }
}
