package org.preconsult.review.application;

import java.util.List;
import org.preconsult.federation.model.PreliminaryReview;
import org.preconsult.node.NodeSettings;
import org.preconsult.redundancy.model.CheckResult;

/** Writes this node's preliminary review of a plan it forwards: its check, what it recommends, and why the plan goes up. */
final class PreliminaryReviews {

    private PreliminaryReviews() {
    }

    static PreliminaryReview of(NodeSettings node, CheckResult check, String routingReason) {
        if (check == null || check.recommendation() == null) {
            return new PreliminaryReview(node.id(), "No redundancy check was available at " + node.name() + ".",
                    null, List.of(), routingReason, List.of());
        }
        var r = check.recommendation();
        var matches = check.matches().stream().limit(5).map(m -> new PreliminaryReview.MatchBrief(m.entryId(),
                m.kind().name(), m.owner(), m.name(), m.score())).toList();
        String opinion = node.name() + " checked the plan against its catalogue and recommends " + r.outcome()
                + (r.proposed() == null ? "." : ", proposing " + r.proposed().name() + " of " + r.proposed().owner() + ".");
        return new PreliminaryReview(node.id(), opinion, r.outcome().name(), r.reasons(), routingReason, matches);
    }
}
