package org.preconsult.catalogue.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.preconsult.catalogue.infrastructure.CatalogueEntryRows;
import org.preconsult.catalogue.infrastructure.CatalogueRowMapper;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.common.infrastructure.Counters;
import org.preconsult.node.NodeSettings;
import org.preconsult.federation.application.Downstream;

/**
 * This node's catalogue copy: the only writer of {@code catalogue_entry}.
 *
 * <p>Writes are versioned by the entry's origin: an incoming copy whose version is lower than the
 * stored one is stale and ignored, so late re-deliveries never undo a newer change. Every applied
 * write takes a change sequence and publishes {@link CatalogueChanged} for derived state.
 */
@Singleton
public class Catalogue {

    /** The counter whose values order catalogue changes ({@link CatalogueChanged#changeSeq()}). */
    public static final String CHANGE_COUNTER = "catalogue";

    /** What happened to an upserted entry. */
    public enum Upsert { CREATED, UPDATED, UNCHANGED, STALE }

    private final CatalogueEntryRows rows;
    private final Counters counters;
    private final ApplicationEventPublisher<CatalogueChanged> events;
    private final Downstream feed;
    private final NodeSettings node;

    public Catalogue(CatalogueEntryRows rows, Counters counters, ApplicationEventPublisher<CatalogueChanged> events,
                     Downstream feed, NodeSettings node) {
        this.rows = rows;
        this.counters = counters;
        this.events = events;
        this.feed = feed;
        this.node = node;
    }

    /**
     * Inserts or updates the entry unless a newer version of it, or the very same content, is
     * already stored. A node with children offers every applied write to its subtree, so that an
     * entry registered anywhere reaches every node's catalogue (duplicates are harmless: the same
     * content arriving again is {@link Upsert#UNCHANGED} and goes no further).
     */
    @Transactional
    public Upsert upsert(CatalogueEntry entry) {
        var existing = rows.findById(entry.id());
        if (existing.isPresent() && existing.get().version() > entry.version()) {
            return Upsert.STALE;
        }
        if (existing.isPresent() && sameContent(CatalogueRowMapper.toEntry(existing.get()), entry)) {
            return Upsert.UNCHANGED;
        }
        if (node.hasChildren()) {
            feed.broadcast(EntrySummaries.of(entry));
        }
        long changeSeq = counters.next(CHANGE_COUNTER);
        var row = CatalogueRowMapper.toRow(entry, changeSeq);
        if (existing.isPresent()) {
            rows.update(row);
        } else {
            rows.save(row);
        }
        events.publishEvent(new CatalogueChanged(entry, changeSeq));
        return existing.isPresent() ? Upsert.UPDATED : Upsert.CREATED;
    }

    private static boolean sameContent(CatalogueEntry a, CatalogueEntry b) {
        return a.version() == b.version() && a.withStatus(a.status(), a.version(), b.updatedAt()).equals(b);
    }

    @Transactional(readOnly = true)
    public Optional<CatalogueEntry> find(String id) {
        return rows.findById(id).map(CatalogueRowMapper::toEntry);
    }

    /** At most {@code max} entries that {@code node} owns, by name. */
    @Transactional(readOnly = true)
    public List<CatalogueEntry> ownedBy(String node, int max) {
        return rows.findByOriginNodeOrderByName(node, Pageable.from(0, max)).stream().map(CatalogueRowMapper::toEntry).toList();
    }

    @Transactional(readOnly = true)
    public Page<CatalogueEntry> list(Pageable pageable) {
        return rows.findAll(pageable).map(CatalogueRowMapper::toEntry);
    }
}
