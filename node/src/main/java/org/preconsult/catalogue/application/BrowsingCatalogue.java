package org.preconsult.catalogue.application;

import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.preconsult.catalogue.infrastructure.CatalogueEntryRow;
import org.preconsult.catalogue.infrastructure.CatalogueEntryRows;
import org.preconsult.catalogue.infrastructure.CatalogueRowMapper;
import org.preconsult.catalogue.infrastructure.EntryDetailsStore;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.DescribedEntry;
import org.preconsult.catalogue.model.EntryKind;

/** Reads this node's catalogue copy with translations and relations, one entry or a page at a time. */
@Singleton
public class BrowsingCatalogue {

    /** The largest page a reader gets; larger requested sizes are cut to it. */
    public static final int MAX_PAGE_SIZE = 200;

    /** One page of entries, ordered by id; {@code totalEntries} counts every entry that matches. */
    public record EntryPage(List<DescribedEntry> entries, int page, int size, long totalEntries) {
        public EntryPage {
            entries = List.copyOf(entries);
        }
    }

    private final CatalogueEntryRows rows;
    private final EntryDetailsStore details;

    public BrowsingCatalogue(CatalogueEntryRows rows, EntryDetailsStore details) {
        this.rows = rows;
        this.details = details;
    }

    @Transactional(readOnly = true)
    public Optional<DescribedEntry> find(String id) {
        return rows.findById(id).map(row -> describe(List.of(row)).get(0));
    }

    /** Every entry of this node's catalogue copy (of one kind, when given), ordered by id: what an export writes. */
    @Transactional(readOnly = true)
    public List<CatalogueEntry> everyEntry(EntryKind kind) {
        List<CatalogueEntry> entries = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            var found = search(kind, null, page, MAX_PAGE_SIZE);
            found.entries().forEach(d -> entries.add(d.entry()));
            if ((long) (page + 1) * found.size() >= found.totalEntries() || found.entries().isEmpty()) {
                return entries;
            }
        }
    }

    /**
     * Entries of the kind (null: every kind) whose id, name, owner, description or a translation
     * contains the text, ignoring case (null or blank: every entry). {@code size} above
     * {@link #MAX_PAGE_SIZE} is cut to it.
     */
    @Transactional(readOnly = true)
    public EntryPage search(EntryKind kind, String text, int page, int size) {
        int pageSize = Math.min(size, MAX_PAGE_SIZE);
        String pattern = text == null || text.isBlank() ? "" : "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%";
        var found = rows.search(kind == null ? "" : kind.name(), pattern, Pageable.from(page, pageSize));
        return new EntryPage(describe(found.getContent()), page, pageSize, found.getTotalSize());
    }

    /**
     * As {@link #search(EntryKind, String, int, int)}, entries marked as best practice first (then
     * by id); with {@code bestPracticeOnly} only those that are marked and still count.
     */
    @Transactional(readOnly = true)
    public EntryPage searchMarkedFirst(EntryKind kind, String text, boolean bestPracticeOnly, int page, int size) {
        int pageSize = Math.min(size, MAX_PAGE_SIZE);
        String pattern = text == null || text.isBlank() ? "" : "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%";
        var found = rows.searchMarkedFirst(kind == null ? "" : kind.name(), pattern, bestPracticeOnly,
                Pageable.from(page, pageSize));
        return new EntryPage(describe(found.getContent()), page, pageSize, found.getTotalSize());
    }

    private List<DescribedEntry> describe(List<CatalogueEntryRow> found) {
        List<CatalogueEntry> entries = found.stream().map(CatalogueRowMapper::toEntry).toList();
        List<String> ids = entries.stream().map(CatalogueEntry::id).toList();
        var translations = details.translationsOf(ids);
        var relations = details.relationsOf(ids);
        return entries.stream().map(e -> new DescribedEntry(e, translations.getOrDefault(e.id(), List.of()),
                relations.getOrDefault(e.id(), List.of()))).toList();
    }

    /** Makes the reader's text literal in a LIKE pattern whose escape character is a backslash. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
