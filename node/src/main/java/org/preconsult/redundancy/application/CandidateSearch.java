package org.preconsult.redundancy.application;

import java.util.List;
import java.util.Set;
import org.preconsult.redundancy.model.Match;
import org.preconsult.redundancy.model.PlanDraft;

/** Finds the catalogue entries a plan may duplicate, best first, with calibrated scores and evidence. */
public interface CandidateSearch {

    /** At most {@code limit} matches, never the plan's own entry ({@code excludeEntryId}). */
    List<Match> find(PlanDraft plan, int limit);

    /**
     * As {@link #find(PlanDraft, int)}, where an entry of {@code preferred} (those marked as best
     * practice) ranks above an entry of equal score that is not. Scores are not changed, and with
     * nothing preferred the answer is the same as without.
     */
    default List<Match> find(PlanDraft plan, int limit, Set<String> preferred) {
        return find(plan, limit);
    }
}
