package org.preconsult.catalogue.application;

import org.preconsult.catalogue.model.CatalogueEntry;

/**
 * Published when a catalogue entry was written; listeners that keep derived state (the search
 * index) receive it after the transaction committed. {@code changeSeq} orders changes.
 */
public record CatalogueChanged(CatalogueEntry entry, long changeSeq) {
}
