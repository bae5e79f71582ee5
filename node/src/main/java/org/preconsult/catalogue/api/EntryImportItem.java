package org.preconsult.catalogue.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;
import org.preconsult.catalogue.importing.EntryDraft;

/**
 * One entry of a JSON import, as sent. Everything is optional here so that the importer's one
 * validator reports every missing or bad field of every entry at once.
 */
@Serdeable
public record EntryImportItem(
        @Nullable String id,
        @Nullable String kind,
        @Nullable String owner,
        @Nullable String name,
        @Nullable String description,
        @Nullable List<String> functions,
        @Nullable String functionCode,
        @Nullable String language,
        @Nullable String status,
        @Nullable BigDecimal budget) {

    /** The draft of the item at {@code index} of the array (a null item yields an empty draft). */
    public static EntryDraft toDraft(EntryImportItem item, int index) {
        String label = "entries[" + index + "]";
        if (item == null) {
            return EntryDraft.plain(label, null, null, null, null, null, null, null, null, null, null);
        }
        return EntryDraft.plain(label, item.id(), item.kind(), item.owner(), item.name(), item.description(),
                item.functions(), item.functionCode(), item.language(), item.status(),
                item.budget() == null ? null : item.budget().toPlainString());
    }
}
