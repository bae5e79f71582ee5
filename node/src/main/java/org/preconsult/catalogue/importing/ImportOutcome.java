package org.preconsult.catalogue.importing;

import java.util.List;

/** What an import did: everything was written, or nothing because some entries were bad. */
public sealed interface ImportOutcome permits ImportOutcome.Imported, ImportOutcome.Rejected, ImportOutcome.KeyReused {

    /** What happened to one entry of an import that was written. */
    enum EntryResult { CREATED, UPDATED, UNCHANGED }

    /** One entry's id and what happened to it. */
    record EntryImported(String id, EntryResult result) {
    }

    /** Every entry was written in one transaction; {@code entries} keeps the order of the source. */
    record Imported(List<EntryImported> entries) implements ImportOutcome {
        public Imported {
            entries = List.copyOf(entries);
        }

        public long count(EntryResult result) {
            return entries.stream().filter(e -> e.result() == result).count();
        }
    }

    /** Nothing was written: the Idempotency-Key was already used for an import of other content. */
    record KeyReused(String key) implements ImportOutcome {
    }

    /** Nothing was written; every bad entry is listed. */
    record Rejected(String detail, List<ImportViolation> violations) implements ImportOutcome {
        public Rejected {
            violations = List.copyOf(violations);
        }
    }
}
