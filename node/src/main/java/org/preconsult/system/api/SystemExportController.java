package org.preconsult.system.api;

import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.util.ArrayList;
import java.util.List;
import org.preconsult.catalogue.api.CatalogueExportController;
import org.preconsult.catalogue.application.BrowsingCatalogue;
import org.preconsult.catalogue.exporting.PublicCodeExport;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.DescribedEntry;
import org.preconsult.catalogue.model.EntryIds;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.model.Role;
import org.preconsult.node.NodeSettings;
import org.preconsult.system.application.SystemRegistry;

/**
 * Exports this government's registry of existing systems: as CSV (the catalogue import's format)
 * and one system as publiccode.yml. Any signed-in role may read them, as it may read the catalogue.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.SUBMITTER_, Role.COORDINATOR_, Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
class SystemExportController {

    private final BrowsingCatalogue catalogue;
    private final SystemRegistry systems;
    private final NodeSettings node;

    SystemExportController(BrowsingCatalogue catalogue, SystemRegistry systems, NodeSettings node) {
        this.catalogue = catalogue;
        this.systems = systems;
        this.node = node;
    }

    /** This government's existing systems, as their catalogue entries are known across the federation. */
    @Get(value = "/systems/export.csv", produces = "text/csv")
    HttpResponse<String> registryCsv() {
        List<CatalogueEntry> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            var found = systems.list(Pageable.from(page, BrowsingCatalogue.MAX_PAGE_SIZE));
            found.getContent().forEach(s -> catalogue.find(EntryIds.system(node.id(), s.id()))
                    .ifPresent(d -> entries.add(d.entry())));
            if (!found.hasNext()) {
                break;
            }
        }
        return CatalogueExportController.csv(entries, "systems.csv");
    }

    /** One registered system as publiccode.yml. */
    @Get(value = "/systems/{id}/publiccode.yml", produces = "application/yaml")
    HttpResponse<String> publicCode(@PathVariable String id) {
        SystemProblems.found(systems.find(id), id);
        DescribedEntry described = catalogue.find(EntryIds.system(node.id(), id))
                .orElseThrow(() -> ProblemException.notFound("Catalogue entry of system", id));
        return HttpResponse.ok(PublicCodeExport.write(described.entry(), described.translations(), described.relations()))
                .contentType(CatalogueExportController.YAML);
    }
}
