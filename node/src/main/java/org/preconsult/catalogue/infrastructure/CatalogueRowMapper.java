package org.preconsult.catalogue.infrastructure;

import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.common.infrastructure.TextLists;

/** Maps catalogue entries to and from their database rows. */
public final class CatalogueRowMapper {

    private CatalogueRowMapper() {
    }

    public static CatalogueEntry toEntry(CatalogueEntryRow row) {
        return new CatalogueEntry(row.id(), EntryKind.valueOf(row.kind()), row.owner(), row.name(),
                row.description(), TextLists.split(row.functions()), row.functionCode(), row.language(),
                EntryStatus.valueOf(row.status()), row.budget(), row.originNode(), row.version(),
                row.updatedAt());
    }

    public static CatalogueEntryRow toRow(CatalogueEntry entry, long changeSeq) {
        return new CatalogueEntryRow(entry.id(), entry.kind().name(), entry.owner(), entry.name(),
                entry.description(), TextLists.join(entry.functions()), entry.functionCode(),
                entry.language(), entry.status().name(), entry.budget(), entry.originNode(),
                entry.version(), entry.updatedAt(), changeSeq);
    }
}
