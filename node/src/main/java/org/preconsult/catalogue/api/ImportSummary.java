package org.preconsult.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.preconsult.catalogue.importing.ImportOutcome;

/** The answer to an import that was written: counts, and each entry's id and what happened to it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ImportSummary(long created, long updated, long unchanged, List<ImportedEntry> entries) {

    /** One entry: CREATED, UPDATED or UNCHANGED. */
    @Serdeable
    public record ImportedEntry(String id, String result) {
    }

    static ImportSummary from(ImportOutcome.Imported imported) {
        return new ImportSummary(
                imported.count(ImportOutcome.EntryResult.CREATED),
                imported.count(ImportOutcome.EntryResult.UPDATED),
                imported.count(ImportOutcome.EntryResult.UNCHANGED),
                imported.entries().stream().map(e -> new ImportedEntry(e.id(), e.result().name())).toList());
    }
}
