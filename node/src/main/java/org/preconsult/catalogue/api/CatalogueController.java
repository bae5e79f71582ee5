package org.preconsult.catalogue.api;

import org.preconsult.common.api.PageView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.preconsult.catalogue.application.BrowsingCatalogue;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.common.api.Problem;
import org.preconsult.common.api.ProblemException;

/** Reads the catalogue: any signed-in user may, since finding what to reuse is the point of it. */
@Controller("/api/v1/catalogue/entries")
@Secured(SecurityRule.IS_AUTHENTICATED)
class CatalogueController {

    private final BrowsingCatalogue browsing;

    CatalogueController(BrowsingCatalogue browsing) {
        this.browsing = browsing;
    }

    /** A page of entries ordered by id, optionally of one kind and containing a text. */
    @Get
    PageView<EntryView> list(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size,
            @Nullable @QueryValue String kind, @Nullable @QueryValue String q) {
        if (page < 0) {
            throw invalid("page", "page counts from 0; " + page + " is not a page");
        }
        if (size < 1 || size > BrowsingCatalogue.MAX_PAGE_SIZE) {
            throw invalid("size", "size must be from 1 to " + BrowsingCatalogue.MAX_PAGE_SIZE + ", not " + size);
        }
        var found = browsing.search(kind(kind), q, page, size);
        return PageView.of(found.entries().stream().map(EntryView::from).toList(), found.page(), found.size(),
                found.totalEntries());
    }

    /**
     * One entry. Ids may be URLs (publiccode.yml imports use the repository URL), so the id takes
     * the rest of the path, slashes included; percent-encoding it works as well.
     */
    @Get("/{+id}")
    EntryView find(@PathVariable String id) {
        return browsing.find(id).map(EntryView::from)
                .orElseThrow(() -> ProblemException.notFound("Catalogue entry", "'" + id + "'"));
    }

    private static EntryKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return EntryKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("kind", "kind '" + kind + "' is not one of "
                    + Arrays.stream(EntryKind.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalid("The query has invalid parameters.",
                List.of(new Problem.FieldError(field, message + ".")));
    }
}
