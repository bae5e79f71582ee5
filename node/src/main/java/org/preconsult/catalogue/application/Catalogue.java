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
import org.preconsult.catalogue.infrastructure.EntryDetailsStore;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.Relation;
import org.preconsult.catalogue.model.Translation;
import org.preconsult.federation.model.EntryDetails;
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
    private final EntryDetailsStore details;
    private final java.time.Clock clock;

    public Catalogue(CatalogueEntryRows rows, Counters counters, ApplicationEventPublisher<CatalogueChanged> events,
                     Downstream feed, NodeSettings node, EntryDetailsStore details, java.time.Clock clock) {
        this.details = details;
        this.clock = clock;
        this.rows = rows;
        this.counters = counters;
        this.events = events;
        this.feed = feed;
        this.node = node;
    }

    /** Inserts or updates the entry, keeping the translations and relations it has here. */
    @Transactional
    public Upsert upsert(CatalogueEntry entry) {
        return upsert(entry, null, null);
    }

    /**
     * Inserts or updates the entry unless a newer version of it, or the very same content, is
     * already stored; {@code translations} and {@code relations}, when not null, replace the whole
     * set the entry has here. A node with children offers every applied write to its subtree, with
     * the entry's translations and relations, so that an entry registered anywhere reaches every
     * node's catalogue (duplicates are harmless: the same content arriving again is
     * {@link Upsert#UNCHANGED} and goes no further).
     */
    @Transactional
    public Upsert upsert(CatalogueEntry entry, List<Translation> translations, List<Relation> relations) {
        var existing = rows.findById(entry.id());
        if (existing.isPresent() && existing.get().version() > entry.version()) {
            return Upsert.STALE;
        }
        boolean detailsChange = (translations != null && !sorted(translations).equals(storedTranslations(entry.id())))
                || (relations != null && !distinct(relations).equals(storedRelations(entry.id())));
        if (existing.isPresent() && sameContent(CatalogueRowMapper.toEntry(existing.get()), entry) && !detailsChange) {
            return Upsert.UNCHANGED;
        }
        // The feed's counter before the catalogue's: the lock order of Counters.
        if (node.hasChildren()) {
            // A new entry has no details stored yet: nothing to read for it.
            var sentTranslations = translations != null ? translations
                    : existing.isEmpty() ? List.<Translation>of() : storedTranslations(entry.id());
            var sentRelations = relations != null ? distinct(relations)
                    : existing.isEmpty() ? List.<Relation>of() : storedRelations(entry.id());
            boolean nothingToSay = translations == null && relations == null && sentTranslations.isEmpty()
                    && sentRelations.isEmpty();
            feed.broadcast(nothingToSay ? EntrySummaries.of(entry) : EntrySummaries.of(entry, sentTranslations, sentRelations));
        }
        long changeSeq = counters.next(CHANGE_COUNTER);
        // The catalogue counter stays locked until this transaction ends, so no other write of the
        // catalogue runs meanwhile: what is stored now decides between insert and update, and two
        // transactions writing a new entry at once cannot both insert it.
        existing = rows.findById(entry.id());
        if (existing.isPresent() && existing.get().version() > entry.version()) {
            return Upsert.STALE;
        }
        var row = CatalogueRowMapper.toRow(entry, changeSeq);
        if (existing.isPresent()) {
            rows.update(row);
        } else {
            rows.save(row);
        }
        if (translations != null) {
            details.replaceTranslations(entry.id(), translations);
        }
        if (relations != null) {
            details.replaceRelations(entry.id(), relations);
        }
        boolean detailsOnly = existing.isPresent() && sameFields(CatalogueRowMapper.toEntry(existing.get()), entry);
        events.publishEvent(new CatalogueChanged(entry, changeSeq, detailsOnly));
        return existing.isPresent() ? Upsert.UPDATED : Upsert.CREATED;
    }

    /**
     * Adds a relation to an entry this node is the origin of, as a new version of the entry (so
     * that it travels to the subtree like any change); an entry that has it already is unchanged.
     * Returns the entry as it is now, or empty when there is no such entry.
     */
    @Transactional
    public Optional<CatalogueEntry> addRelation(String entryId, Relation relation) {
        var found = find(entryId);
        if (found.isEmpty()) {
            return found;
        }
        List<Relation> relations = new java.util.ArrayList<>(storedRelations(entryId));
        if (relations.contains(relation)) {
            return found;
        }
        var before = found.get();
        relations.add(relation);
        var after = before.withStatus(before.status(), before.version() + 1, clock.instant());
        upsert(after, null, relations);
        return Optional.of(after);
    }

    /** The entry's relations as this node holds them, in their order. */
    @Transactional(readOnly = true)
    public List<Relation> relations(String entryId) {
        return storedRelations(entryId);
    }

    /** The entry's translations and relations as this node holds them, as they travel. */
    @Transactional(readOnly = true)
    public EntryDetails details(String entryId) {
        return EntrySummaries.details(storedTranslations(entryId), storedRelations(entryId));
    }

    private List<Translation> storedTranslations(String entryId) {
        return sorted(details.translationsOf(List.of(entryId)).getOrDefault(entryId, List.of()));
    }

    private List<Relation> storedRelations(String entryId) {
        return details.relationsOf(List.of(entryId)).getOrDefault(entryId, List.of());
    }

    private static List<Translation> sorted(List<Translation> translations) {
        return translations.stream().sorted(java.util.Comparator.comparing(Translation::language)).toList();
    }

    private static List<Relation> distinct(List<Relation> relations) {
        return relations.stream().distinct().toList();
    }

    /** The same entry in everything but its version and time. */
    private static boolean sameFields(CatalogueEntry a, CatalogueEntry b) {
        return a.withStatus(a.status(), b.version(), b.updatedAt()).equals(b);
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
