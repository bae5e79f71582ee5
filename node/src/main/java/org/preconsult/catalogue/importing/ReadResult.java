package org.preconsult.catalogue.importing;

import java.util.List;

/** What reading an import document gave: drafts to validate, or why the document cannot be read. */
public sealed interface ReadResult permits ReadResult.Drafts, ReadResult.Unreadable {

    /** The document was read; its entries still have to pass {@link EntryValidation}. */
    record Drafts(List<EntryDraft> drafts) implements ReadResult {
        public Drafts {
            drafts = List.copyOf(drafts);
        }
    }

    /** The document cannot be read as a whole or in some of its parts; nothing was imported. */
    record Unreadable(String detail, List<ImportViolation> violations) implements ReadResult {
        public Unreadable {
            violations = List.copyOf(violations);
        }
    }
}
