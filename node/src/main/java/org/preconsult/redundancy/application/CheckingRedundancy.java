package org.preconsult.redundancy.application;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preconsult.catalogue.application.BestPracticeMarks;
import org.preconsult.catalogue.model.PracticeMark;
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
 *
 * <p>Best-practice marks rank and explain, they do not score: among matches of equal score a marked
 * entry comes first, and its evidence carries the marks with their reasons. With no entry marked,
 * the check is exactly what it is without marks.
 */
@Singleton
public class CheckingRedundancy implements RedundancyCheck {

    private final CandidateSearch search;
    private final RedundancyProperties properties;
    private final IndexFreshness freshness;
    private final BestPracticeMarks marks;

    @Inject
    public CheckingRedundancy(CandidateSearch search, RedundancyProperties properties, IndexFreshness freshness,
                              BestPracticeMarks marks) {
        this.search = search;
        this.properties = properties;
        this.freshness = freshness;
        this.marks = marks;
        // Contradicting thresholds fail the start of the node, not the first check.
        properties.thresholds();
    }

    /** Over an index with no database behind it, which is current by construction. */
    public CheckingRedundancy(CandidateSearch search, RedundancyProperties properties) {
        this(search, properties, IndexFreshness.ALWAYS_CURRENT, BestPracticeMarks.NONE);
    }

    /** Over an index with no database behind it, with these best-practice marks. */
    public CheckingRedundancy(CandidateSearch search, RedundancyProperties properties, BestPracticeMarks marks) {
        this(search, properties, IndexFreshness.ALWAYS_CURRENT, marks);
    }

    @Override
    public CheckResult check(PlanDraft draft, int limit) {
        return check(draft, limit, false);
    }

    @Override
    public CheckResult check(PlanDraft draft, int limit, boolean bestPracticeOnly) {
        int wanted = limit > 0 ? limit : properties.defaultLimit();
        freshness.catchUpWithCommitted();
        if (!hasText(draft)) {
            return new CheckResult(List.of(), RecommendationRules.recommend(draft, List.of(), properties.thresholds()));
        }
        Set<String> marked = marks.markedEntryIds();
        List<Match> matches = withMarks(search.find(draft, wanted, marked), marked);
        var recommendation = RecommendationRules.recommend(draft, matches, properties.thresholds());
        if (bestPracticeOnly) {
            // The marked among a wider pool, so that marked entries below the first page are found.
            List<Match> pool = marked.isEmpty() ? List.of()
                    : withMarks(search.find(draft, Math.max(wanted, properties.candidatePool()), marked), marked);
            matches = pool.stream().filter(Match::bestPractice).limit(wanted).toList();
        }
        return new CheckResult(matches, recommendation);
    }

    /** The matches, those of marked entries with their marks in the evidence. */
    private List<Match> withMarks(List<Match> matches, Set<String> marked) {
        if (marked.isEmpty() || matches.stream().noneMatch(m -> marked.contains(m.entryId()))) {
            return matches;
        }
        Map<String, List<PracticeMark>> found = marks.marksOf(matches.stream().map(Match::entryId).toList());
        return matches.stream()
                .map(m -> found.containsKey(m.entryId()) && m.evidence() != null
                        ? m.withEvidence(m.evidence().withBestPractice(found.get(m.entryId())))
                        : m)
                .toList();
    }

    private static boolean hasText(PlanDraft draft) {
        return (draft.title() != null && !draft.title().isBlank())
                || (draft.description() != null && !draft.description().isBlank())
                || !draft.functions().isEmpty();
    }
}
