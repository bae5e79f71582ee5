package org.preconsult.redundancy.api;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.preconsult.identity.model.Role;
import org.preconsult.redundancy.application.IndexRebuilding;

/**
 * Operator endpoint that rebuilds the catalogue's search index from the database: after a restore,
 * an analysis change, or when the index is suspected to have drifted. Checks keep answering from
 * the previous index while it runs.
 */
@Controller("/api/v1/catalogue/index")
@Secured(Role.OPERATOR_)
class IndexRebuildController {

    private final IndexRebuilding rebuilding;

    IndexRebuildController(IndexRebuilding rebuilding) {
        this.rebuilding = rebuilding;
    }

    /** Rebuilds synchronously and answers with the entries indexed and the time it took. */
    @Post(uri = "/rebuild", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    IndexRebuildResponse rebuild() {
        return IndexRebuildResponse.from(rebuilding.rebuild());
    }
}
