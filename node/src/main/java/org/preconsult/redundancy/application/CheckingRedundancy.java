package org.preconsult.redundancy.application;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.preconsult.redundancy.model.CheckResult;
import org.preconsult.redundancy.model.Match;
import org.preconsult.redundancy.model.PlanDraft;
import org.preconsult.redundancy.model.RecommendationRules;

/**
 * Checks a plan against this node's catalogue, the use case behind the port
 * {@link RedundancyCheck}: ranks what the plan may duplicate, then lets the recommendation rules
 * decide. The search runs for incomplete drafts too, because showing what already exists while a
 * plan is being written is the point of checking early. Every check sees each catalogue change
 * committed before it started, whichever thread committed it.
 */
@Singleton
public class CheckingRedundancy implements RedundancyCheck {

    private final CandidateSearch search;
    private final RedundancyProperties properties;
    private final IndexFreshness freshness;

    @Inject
    public CheckingRedundancy(CandidateSearch search, RedundancyProperties properties, IndexFreshness freshness) {
        this.search = search;
        this.properties = properties;
        this.freshness = freshness;
        // Contradicting thresholds fail the start of the node, not the first check.
        properties.thresholds();
    }

    /** Over an index with no database behind it, which is current by construction. */
    public CheckingRedundancy(CandidateSearch search, RedundancyProperties properties) {
        this(search, properties, IndexFreshness.ALWAYS_CURRENT);
    }

    @Override
    public CheckResult check(PlanDraft draft, int limit) {
        int wanted = limit > 0 ? limit : properties.defaultLimit();
        freshness.catchUpWithCommitted();
        List<Match> matches = hasText(draft) ? search.find(draft, wanted) : List.of();
        return new CheckResult(matches, RecommendationRules.recommend(draft, matches, properties.thresholds()));
    }

    private static boolean hasText(PlanDraft draft) {
        return (draft.title() != null && !draft.title().isBlank())
                || (draft.description() != null && !draft.description().isBlank())
                || !draft.functions().isEmpty();
    }
}
