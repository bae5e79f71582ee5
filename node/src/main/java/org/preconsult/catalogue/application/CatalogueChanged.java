package org.preconsult.catalogue.application;

import org.preconsult.catalogue.model.CatalogueEntry;

/**
 * Published when a catalogue entry was written; listeners that keep derived state (the search
 * index) receive it after the transaction committed. {@code changeSeq} orders changes.
 * {@code detailsOnly} says that only the entry's translations or relations changed (e.g. another
 * government now uses it), not what it is.
 */
public record CatalogueChanged(CatalogueEntry entry, long changeSeq, boolean detailsOnly) {

    public CatalogueChanged(CatalogueEntry entry, long changeSeq) {
        this(entry, changeSeq, false);
    }
}
