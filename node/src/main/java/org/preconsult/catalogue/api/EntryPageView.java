package org.preconsult.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.preconsult.catalogue.application.BrowsingCatalogue;

/** One page of catalogue entries; {@code totalEntries} counts all entries matching the filter. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EntryPageView(List<EntryView> entries, int page, int size, long totalEntries, long totalPages) {

    static EntryPageView from(BrowsingCatalogue.EntryPage page) {
        long totalPages = (page.totalEntries() + page.size() - 1) / page.size();
        return new EntryPageView(page.entries().stream().map(EntryView::from).toList(), page.page(), page.size(),
                page.totalEntries(), totalPages);
    }
}
