package org.preconsult.catalogue.importing;

import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.infrastructure.EntryDetailsStore;
import org.preconsult.common.infrastructure.IdempotencyKeys;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.Relation;
import org.preconsult.catalogue.model.Translation;
import org.preconsult.catalogue.importing.ImportOutcome.EntryImported;
import org.preconsult.catalogue.importing.ImportOutcome.EntryResult;

/**
 * Imports entries an operator brings to this node (JSON, CSV or publiccode.yml, already read into
 * {@link EntryDraft}s): all of them in one transaction, or none when any is bad.
 *
 * <p>Imported entries belong to this node ({@code originNode} null). Versioning: an entry's version
 * is its stored version + 1 (1 when new), taken in the transaction that writes it, so a re-post
 * always wins over the copy it replaces and the version still counts changes. An entry whose
 * content (and translations and relations, when the source carries them) equals the stored one is
 * left alone: re-posting the same file changes nothing and reports the entries as unchanged.
 *
 * <p>With an Idempotency-Key, a retried request (same key, same entries) gets the summary of the
 * import that was written, not "unchanged"; the same key with other entries is refused. Keys are
 * claimed only by imports that are written, so a rejected request may be corrected and resent
 * under its key.
 *
 * <p>An entry that another node owns (it arrived through the federation) is refused: this node is
 * not its writer, and the origin's next change would overwrite the import anyway.
 */
@Singleton
public class ImportingCatalogue {

    /** The most entries one request may import; larger catalogues go in several requests. */
    public static final int MAX_ENTRIES = 10_000;
    /** The longest Idempotency-Key accepted (the column's width). */
    public static final int MAX_KEY = 200;

    private final Catalogue catalogue;
    private final EntryDetailsStore details;
    private static final String SCOPE = "catalogue-import:";

    private final IdempotencyKeys keys;
    private final AuditTrail audit;
    private final CurrentActor actor;

    public ImportingCatalogue(Catalogue catalogue, EntryDetailsStore details, IdempotencyKeys keys, AuditTrail audit,
                              CurrentActor actor) {
        this.catalogue = catalogue;
        this.details = details;
        this.keys = keys;
        this.audit = audit;
        this.actor = actor;
    }

    /** What the audit trail shows of an import that changed the catalogue: counts and the ids it touched. */
    @io.micronaut.serde.annotation.Serdeable
    record AuditedImport(long created, long updated, long unchanged, List<String> changedIds) {
    }

    /** Validates every draft, then writes all of them, or nothing when any is bad. */
    @Transactional
    public ImportOutcome importEntries(List<EntryDraft> drafts) {
        return importEntries(drafts, null);
    }

    /**
     * Like {@link #importEntries(List)}, under an idempotency key (null: none): a request already
     * written under the key gets the same answer again, without writing anything.
     */
    @Transactional
    public ImportOutcome importEntries(List<EntryDraft> drafts, String idempotencyKey) {
        String key = EntryValidation.clean(idempotencyKey);
        if (key != null && key.length() > MAX_KEY) {
            return new ImportOutcome.Rejected(ImportTexts.KEY_TOO_LONG.fill(MAX_KEY), List.of());
        }
        if (drafts.isEmpty()) {
            return new ImportOutcome.Rejected(ImportTexts.EMPTY.fill(), List.of());
        }
        if (drafts.size() > MAX_ENTRIES) {
            return new ImportOutcome.Rejected(ImportTexts.TOO_MANY.fill(drafts.size(), MAX_ENTRIES), List.of());
        }
        var checked = EntryValidation.check(drafts);
        if (checked instanceof EntryValidation.Invalid invalid) {
            return rejected(invalid.violations());
        }
        var entries = ((EntryValidation.Valid) checked).entries();
        var foreign = foreignOwned(drafts, entries);
        if (!foreign.isEmpty()) {
            return rejected(foreign);
        }
        if (key != null) {
            var used = keys.claim(SCOPE + key, hash(drafts));
            if (used.isPresent()) {
                return used.get().requestHash().equals(hash(drafts))
                        ? new ImportOutcome.Imported(decode(used.get().summary()))
                        : new ImportOutcome.KeyReused(key);
            }
        }
        Instant now = Instant.now();
        List<EntryImported> results = new ArrayList<>();
        for (var entry : entries) {
            results.add(new EntryImported(entry.content().id(), write(entry, now)));
        }
        if (key != null) {
            keys.complete(SCOPE + key, encode(results));
        }
        var imported = new ImportOutcome.Imported(results);
        long created = imported.count(EntryResult.CREATED);
        long updated = imported.count(EntryResult.UPDATED);
        if (created + updated > 0) {
            // One event per import that changed something, in the import's transaction.
            List<String> changed = results.stream().filter(r -> r.result() != EntryResult.UNCHANGED)
                    .map(EntryImported::id).limit(1_000).toList();
            audit.record(actor.current(), "CATALOGUE_IMPORT", changed.get(0), "IMPORTED", null,
                    new AuditedImport(created, updated, imported.count(EntryResult.UNCHANGED), changed),
                    key == null ? null : "Idempotency-Key " + key);
        }
        return imported;
    }

    /** What the request carried, in the order it carried it; the same body always hashes the same. */
    private static String hash(List<EntryDraft> drafts) {
        return IdempotencyKeys.hashOf(drafts);
    }

    /** One line per entry, "RESULT<tab>id"; valid ids hold no control characters. */
    private static String encode(List<EntryImported> results) {
        return results.stream().map(r -> r.result().name() + "\t" + r.id()).collect(Collectors.joining("\n"));
    }

    private static List<EntryImported> decode(String summary) {
        return summary.lines().map(line -> line.split("\t", 2))
                .map(parts -> new EntryImported(parts[1], EntryResult.valueOf(parts[0]))).toList();
    }

    private static ImportOutcome.Rejected rejected(List<ImportViolation> violations) {
        long entries = violations.stream().map(ImportViolation::entry).distinct().count();
        return new ImportOutcome.Rejected(entries == 1 ? ImportTexts.ONE_INVALID.fill()
                : ImportTexts.INVALID.fill(entries), violations);
    }

    /** Entries whose stored copy came from another node; validated entries align with the drafts. */
    private List<ImportViolation> foreignOwned(List<EntryDraft> drafts, List<EntryValidation.ValidEntry> entries) {
        List<ImportViolation> violations = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String id = entries.get(i).content().id();
            var stored = catalogue.find(id);
            if (stored.isPresent() && stored.get().originNode() != null) {
                violations.add(ImportViolation.of(drafts.get(i).label(), "id",
                        ImportTexts.ofEntry(id, ImportTexts.FOREIGN.fill(stored.get().originNode()))));
            }
        }
        return violations;
    }

    private EntryResult write(EntryValidation.ValidEntry entry, Instant now) {
        CatalogueEntry content = entry.content();
        var stored = catalogue.find(content.id());
        if (stored.isPresent() && sameContent(stored.get(), content) && sameDetails(entry)) {
            return EntryResult.UNCHANGED;
        }
        long version = stored.map(s -> s.version() + 1).orElse(1L);
        catalogue.upsert(new CatalogueEntry(content.id(), content.kind(), content.owner(), content.name(),
                content.description(), content.functions(), content.functionCode(), content.language(),
                content.status(), content.budget(), null, version, now), entry.translations(), entry.relations());
        return stored.isPresent() ? EntryResult.UPDATED : EntryResult.CREATED;
    }

    private static boolean sameContent(CatalogueEntry stored, CatalogueEntry imported) {
        return stored.kind() == imported.kind()
                && Objects.equals(stored.owner(), imported.owner())
                && stored.name().equals(imported.name())
                && stored.description().equals(imported.description())
                && stored.functions().equals(imported.functions())
                && Objects.equals(stored.functionCode(), imported.functionCode())
                && Objects.equals(stored.language(), imported.language())
                && stored.status() == imported.status()
                && sameAmount(stored, imported)
                && stored.originNode() == null;
    }

    /** Budgets compare by value: the column stores 12.5 as 12.50. */
    private static boolean sameAmount(CatalogueEntry stored, CatalogueEntry imported) {
        if (stored.budget() == null || imported.budget() == null) {
            return stored.budget() == imported.budget();
        }
        return stored.budget().compareTo(imported.budget()) == 0;
    }

    private boolean sameDetails(EntryValidation.ValidEntry entry) {
        String id = entry.content().id();
        if (entry.translations() != null) {
            List<Translation> stored = details.translationsOf(List.of(id)).getOrDefault(id, List.of());
            if (!sortedByLanguage(stored).equals(sortedByLanguage(entry.translations()))) {
                return false;
            }
        }
        if (entry.relations() != null) {
            List<Relation> stored = details.relationsOf(List.of(id)).getOrDefault(id, List.of());
            return stored.equals(entry.relations().stream().distinct().toList());
        }
        return true;
    }

    private static List<Translation> sortedByLanguage(List<Translation> translations) {
        return translations.stream().sorted(Comparator.comparing(Translation::language)).toList();
    }
}
