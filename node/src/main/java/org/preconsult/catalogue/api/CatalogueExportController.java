package org.preconsult.catalogue.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.util.ArrayList;
import java.util.List;
import org.preconsult.catalogue.application.BrowsingCatalogue;
import org.preconsult.catalogue.exporting.CsvExport;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.identity.model.Role;

/**
 * Exports this node's catalogue copy as CSV, in the format the import reads. Any signed-in role may
 * read it, as it may read the catalogue. (The registry of this government's own systems is
 * exported by {@code org.preconsult.system.api.SystemExportController}.)
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.SUBMITTER_, Role.COORDINATOR_, Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
public class CatalogueExportController {

    public static final String CSV = "text/csv; charset=utf-8";
    public static final String YAML = "application/yaml; charset=utf-8";
    /** The file name a catalogue download is saved under. */
    public static final String CATALOGUE_FILE = "catalogue.csv";

    private final BrowsingCatalogue catalogue;

    CatalogueExportController(BrowsingCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Every entry of this node's catalogue copy (of one kind, when given), ordered by id. */
    @Get(value = "/catalogue/export.csv", produces = "text/csv")
    HttpResponse<String> catalogueCsv(@Nullable @QueryValue EntryKind kind) {
        return csv(catalogue.everyEntry(kind), CATALOGUE_FILE);
    }

    /** A CSV download of entries. */
    public static HttpResponse<String> csv(List<CatalogueEntry> entries, String filename) {
        return HttpResponse.ok(CsvExport.write(entries)).contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }
}
