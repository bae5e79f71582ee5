package org.preconsult.redundancy.infrastructure;

import java.util.List;
import java.util.Set;

/** A candidate entry after rescoring: its score, first-stage rank and what it shares with the plan. */
record Scored(EntryText entry, double score, int firstStageRank, Set<String> sharedEntities,
              List<String> sharedFunctions, boolean sameFunctionCode, boolean sameOwner) {

    Scored withScore(double newScore) {
        return new Scored(entry, newScore, firstStageRank, sharedEntities, sharedFunctions, sameFunctionCode, sameOwner);
    }
}
