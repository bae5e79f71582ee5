package org.preconsult.redundancy.model;

import org.preconsult.catalogue.model.EntryKind;

/** A catalogue entry that a plan may duplicate, with a score in 0..1 comparable across plans. */
public record Match(
        String entryId,
        EntryKind kind,
        String owner,
        String name,
        double score,
        Evidence evidence) {

    /** True when the entry carries a best-practice mark. */
    public boolean bestPractice() {
        return evidence != null && !evidence.bestPractice().isEmpty();
    }

    public Match withEvidence(Evidence newEvidence) {
        return new Match(entryId, kind, owner, name, score, newEvidence);
    }
}
