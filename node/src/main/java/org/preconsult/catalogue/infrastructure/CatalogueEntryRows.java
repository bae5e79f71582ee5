package org.preconsult.catalogue.infrastructure;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CatalogueEntryRows extends CrudRepository<CatalogueEntryRow, String> {

    Page<CatalogueEntryRow> findAll(Pageable pageable);

    /** The entries one node owns, by name: a government's own systems and plans in its catalogue copy. */
    List<CatalogueEntryRow> findByOriginNodeOrderByName(String originNode, Pageable pageable);

    /** Changes after a watermark, in change order, for an index catching up. */
    List<CatalogueEntryRow> findByChangeSeqGreaterThanOrderByChangeSeq(long changeSeq, Pageable pageable);

    /**
     * Entries of one kind (empty {@code kind}: all kinds) whose id, name, owner, description or a
     * translation contains the text (empty {@code pattern}: everything), ordered by id for stable
     * paging. {@code pattern} is a lower-case LIKE pattern with {@code \} as escape character.
     * Empty strings rather than nulls mean "no filter" because PostgreSQL cannot type a bare null
     * parameter in {@code ? IS NULL}.
     */
    @Query(value = "SELECT e.* FROM catalogue_entry e WHERE " + SEARCH_FILTER + " ORDER BY e.id",
            countQuery = "SELECT COUNT(*) FROM catalogue_entry e WHERE " + SEARCH_FILTER)
    Page<CatalogueEntryRow> search(String kind, String pattern, Pageable pageable);

    /**
     * As {@link #search}, with entries marked as best practice first (then by id), and with
     * {@code bestPracticeOnly} only those. A mark counts while it is not withdrawn and its entry
     * still counts in checks (not {@link #CLOSED_STATUSES closed}).
     */
    @Query(value = "SELECT e.* FROM catalogue_entry e WHERE " + SEARCH_FILTER + " AND " + MARKED_FILTER
            + " ORDER BY CASE WHEN " + MARKED + " THEN 0 ELSE 1 END, e.id",
            countQuery = "SELECT COUNT(*) FROM catalogue_entry e WHERE " + SEARCH_FILTER + " AND " + MARKED_FILTER)
    Page<CatalogueEntryRow> searchMarkedFirst(String kind, String pattern, boolean bestPracticeOnly, Pageable pageable);

    /** The statuses of entries that no longer count in checks: {@code EntryStatus.isCandidate()} is false (a test keeps them equal). */
    String CLOSED_STATUSES = "'DEFERRED', 'RETURNED', 'CANCELLED', 'RETIRED', 'COMPLETED'";

    String MARKED = "(e.status NOT IN (" + CLOSED_STATUSES + ") AND EXISTS (SELECT 1 FROM best_practice_mark m"
            + " WHERE m.entry_id = e.id AND m.withdrawn = FALSE))";

    String MARKED_FILTER = "(:bestPracticeOnly = FALSE OR " + MARKED + ")";

    String SEARCH_FILTER = """
            (:kind = '' OR e.kind = :kind)
            AND (:pattern = ''
              OR LOWER(e.id) LIKE :pattern ESCAPE '\\'
              OR LOWER(e.name) LIKE :pattern ESCAPE '\\'
              OR LOWER(COALESCE(e.owner, '')) LIKE :pattern ESCAPE '\\'
              OR LOWER(COALESCE(e.description, '')) LIKE :pattern ESCAPE '\\'
              OR EXISTS (SELECT 1 FROM catalogue_translation t WHERE t.entry_id = e.id
                AND (LOWER(COALESCE(t.name, '')) LIKE :pattern ESCAPE '\\'
                  OR LOWER(COALESCE(t.description, '')) LIKE :pattern ESCAPE '\\')))
            """;
}
