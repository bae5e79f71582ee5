package org.preconsult.redundancy.application;

import java.util.List;
import org.preconsult.redundancy.model.Match;
import org.preconsult.redundancy.model.PlanDraft;

/** Finds the catalogue entries a plan may duplicate, best first, with calibrated scores and evidence. */
public interface CandidateSearch {

    /** At most {@code limit} matches, never the plan's own entry ({@code excludeEntryId}). */
    List<Match> find(PlanDraft plan, int limit);
}
