package org.preconsult.catalogue.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.util.ArrayList;
import java.util.List;
import org.preconsult.catalogue.application.BrowsingCatalogue;
import org.preconsult.catalogue.exporting.CsvExport;
import org.preconsult.catalogue.exporting.PublicCodeExport;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.DescribedEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.model.Role;
import org.preconsult.node.NodeSettings;
import org.preconsult.sync.application.ReceivingEnvelopes;
import org.preconsult.system.application.SystemRegistry;

/**
 * Exports in the formats the imports read: this node's catalogue copy and its registry of
 * existing systems as CSV, and one registered system as publiccode.yml. Any signed-in role may
 * read them, as it may read the catalogue.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.SUBMITTER_, Role.COORDINATOR_, Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
class CatalogueExportController {

    static final String CSV = "text/csv; charset=utf-8";
    static final String YAML = "application/yaml; charset=utf-8";

    private final BrowsingCatalogue catalogue;
    private final SystemRegistry systems;
    private final NodeSettings node;

    CatalogueExportController(BrowsingCatalogue catalogue, SystemRegistry systems, NodeSettings node) {
        this.catalogue = catalogue;
        this.systems = systems;
        this.node = node;
    }

    /** Every entry of this node's catalogue copy (of one kind, when given), ordered by id. */
    @Get(value = "/catalogue/export.csv", produces = "text/csv")
    HttpResponse<String> catalogueCsv(@Nullable @QueryValue EntryKind kind) {
        List<CatalogueEntry> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            var found = catalogue.search(kind, null, page, BrowsingCatalogue.MAX_PAGE_SIZE);
            found.entries().forEach(d -> entries.add(d.entry()));
            if ((long) (page + 1) * found.size() >= found.totalEntries() || found.entries().isEmpty()) {
                break;
            }
        }
        return csv(entries, "catalogue.csv");
    }

    /** This government's existing systems, as their catalogue entries are known across the federation. */
    @Get(value = "/systems/export.csv", produces = "text/csv")
    HttpResponse<String> registryCsv() {
        List<CatalogueEntry> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            var found = systems.list(Pageable.from(page, BrowsingCatalogue.MAX_PAGE_SIZE));
            found.getContent().forEach(s -> catalogue.find(ReceivingEnvelopes.systemEntryId(node.id(), s.id()))
                    .ifPresent(d -> entries.add(d.entry())));
            if (!found.hasNext()) {
                break;
            }
        }
        return csv(entries, "systems.csv");
    }

    /** One registered system as publiccode.yml. */
    @Get(value = "/systems/{id}/publiccode.yml", produces = "application/yaml")
    HttpResponse<String> publicCode(@PathVariable String id) {
        systems.get(id);
        DescribedEntry described = catalogue.find(ReceivingEnvelopes.systemEntryId(node.id(), id))
                .orElseThrow(() -> ProblemException.notFound("Catalogue entry of system", id));
        return HttpResponse.ok(PublicCodeExport.write(described.entry(), described.translations(), described.relations()))
                .contentType(YAML);
    }

    private static HttpResponse<String> csv(List<CatalogueEntry> entries, String filename) {
        return HttpResponse.ok(CsvExport.write(entries)).contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }
}
