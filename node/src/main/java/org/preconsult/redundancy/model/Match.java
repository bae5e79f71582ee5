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
}
