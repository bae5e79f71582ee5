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
import org.preconsult.catalogue.application.BestPracticeMarks;
import org.preconsult.catalogue.application.BrowsingCatalogue;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.common.api.Problem;
import org.preconsult.common.api.ProblemException;

/**
 * Reads the catalogue: any signed-in user may, since finding what to reuse is the point of it.
 * Entries marked as best practice come first and show their marks; {@code bestPractice=true} keeps
 * only them.
 */
@Controller("/api/v1/catalogue/entries")
@Secured(SecurityRule.IS_AUTHENTICATED)
class CatalogueController {

    private final BrowsingCatalogue browsing;
    private final BestPracticeMarks marks;

    CatalogueController(BrowsingCatalogue browsing, BestPracticeMarks marks) {
        this.browsing = browsing;
        this.marks = marks;
    }

    /**
     * A page of entries, those marked as best practice first, then by id; optionally of one kind,
     * containing a text, and only the marked ones.
     */
    @Get
    PageView<EntryView> list(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size,
            @Nullable @QueryValue String kind, @Nullable @QueryValue String q,
            @Nullable @QueryValue String bestPractice) {
        if (page < 0) {
            throw invalid("page", "page counts from 0; " + page + " is not a page");
        }
        if (size < 1 || size > BrowsingCatalogue.MAX_PAGE_SIZE) {
            throw invalid("size", "size must be from 1 to " + BrowsingCatalogue.MAX_PAGE_SIZE + ", not " + size);
        }
        var found = browsing.searchMarkedFirst(kind(kind), q, yesOrNo("bestPractice", bestPractice), page, size);
        var marked = marks.marksOf(found.entries().stream().map(d -> d.entry().id()).toList());
        return PageView.of(found.entries().stream()
                        .map(d -> EntryView.from(d, marked.getOrDefault(d.entry().id(), List.of()))).toList(),
                found.page(), found.size(), found.totalEntries());
    }

    /**
     * One entry. Ids may be URLs (publiccode.yml imports use the repository URL), so the id takes
     * the rest of the path, slashes included; percent-encoding it works as well.
     */
    @Get("/{+id}")
    EntryView find(@PathVariable String id) {
        return browsing.find(id).map(d -> EntryView.from(d, marks.marksOf(List.of(d.entry().id()))
                        .getOrDefault(d.entry().id(), List.of())))
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

    /** A yes/no query value: {@code true} or {@code false} exactly (absent: false). */
    static boolean yesOrNo(String field, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw invalid(field, field + " must be true or false, not '" + value + "'");
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalid("The query has invalid parameters.",
                List.of(new Problem.FieldError(field, message + ".")));
    }
}
