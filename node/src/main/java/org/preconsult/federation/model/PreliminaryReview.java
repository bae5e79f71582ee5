package org.preconsult.federation.model;

import java.util.List;

/**
 * A provincial node's preliminary review of a plan it forwards: its own redundancy check within
 * its catalogue, the outcome it recommends, its opinion, and why the plan goes up.
 */
public record PreliminaryReview(
        String reviewingNode,
        String opinion,
        String recommendedOutcome,
        List<String> reasons,
        String routingReason,
        List<MatchBrief> matches) {

    public PreliminaryReview {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        matches = matches == null ? List.of() : List.copyOf(matches);
    }

    /** One match of the preliminary check. */
    public record MatchBrief(String entryId, String kind, String owner, String name, double score) {
    }
}
