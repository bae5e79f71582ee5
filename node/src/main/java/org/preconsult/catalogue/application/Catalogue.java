package org.preconsult.catalogue.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.preconsult.catalogue.infrastructure.CatalogueEntryRows;
import org.preconsult.catalogue.infrastructure.CatalogueRowMapper;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.common.infrastructure.Counters;

/**
 * This node's catalogue copy: the only writer of {@code catalogue_entry}.
 *
 * <p>Writes are versioned by the entry's origin: an incoming copy whose version is lower than the
 * stored one is stale and ignored, so late re-deliveries never undo a newer change. Every applied
 * write takes a change sequence and publishes {@link CatalogueChanged} for derived state.
 */
@Singleton
public class Catalogue {

    /** What happened to an upserted entry. */
    public enum Upsert { CREATED, UPDATED, STALE }

    private final CatalogueEntryRows rows;
    private final Counters counters;
    private final ApplicationEventPublisher<CatalogueChanged> events;

    public Catalogue(CatalogueEntryRows rows, Counters counters, ApplicationEventPublisher<CatalogueChanged> events) {
        this.rows = rows;
        this.counters = counters;
        this.events = events;
    }

    /** Inserts or updates the entry unless a newer version of it is already stored. */
    @Transactional
    public Upsert upsert(CatalogueEntry entry) {
        var existing = rows.findById(entry.id());
        if (existing.isPresent() && existing.get().version() > entry.version()) {
            return Upsert.STALE;
        }
        long changeSeq = counters.next("catalogue");
        var row = CatalogueRowMapper.toRow(entry, changeSeq);
        if (existing.isPresent()) {
            rows.update(row);
        } else {
            rows.save(row);
        }
        events.publishEvent(new CatalogueChanged(entry, changeSeq));
        return existing.isPresent() ? Upsert.UPDATED : Upsert.CREATED;
    }

    @Transactional(readOnly = true)
    public Optional<CatalogueEntry> find(String id) {
        return rows.findById(id).map(CatalogueRowMapper::toEntry);
    }

    @Transactional(readOnly = true)
    public Page<CatalogueEntry> list(Pageable pageable) {
        return rows.findAll(pageable).map(CatalogueRowMapper::toEntry);
    }
}
