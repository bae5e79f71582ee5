package org.preconsult.system.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.preconsult.catalogue.api.CatalogueExportController;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.model.Role;
import org.preconsult.system.application.SystemExports;

/**
 * Exports this government's registry of existing systems: as CSV (the catalogue import's format)
 * and one system as publiccode.yml. Any signed-in role may read them, as it may read the catalogue.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.SUBMITTER_, Role.COORDINATOR_, Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
class SystemExportController {

    private final SystemExports exports;

    SystemExportController(SystemExports exports) {
        this.exports = exports;
    }

    /** This government's existing systems, as their catalogue entries are known across the federation. */
    @Get(value = "/systems/export.csv", produces = "text/csv")
    HttpResponse<String> registryCsv() {
        return CatalogueExportController.csv(exports.registry(), SystemExports.REGISTRY_FILE);
    }

    /** One registered system as publiccode.yml. */
    @Get(value = "/systems/{id}/publiccode.yml", produces = "application/yaml")
    HttpResponse<String> publicCode(@PathVariable String id) {
        return HttpResponse.ok(exports.publicCode(id).orElseThrow(() -> ProblemException.notFound("System", id)))
                .contentType(CatalogueExportController.YAML);
    }
}
