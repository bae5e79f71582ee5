package org.preconsult.catalogue.model;

import java.util.List;
import java.util.Objects;

/** A catalogue entry with its translations and relations, as a reader sees it. */
public record DescribedEntry(CatalogueEntry entry, List<Translation> translations, List<Relation> relations) {

    public DescribedEntry {
        Objects.requireNonNull(entry, "entry");
        translations = translations == null ? List.of() : List.copyOf(translations);
        relations = relations == null ? List.of() : List.copyOf(relations);
    }
}
