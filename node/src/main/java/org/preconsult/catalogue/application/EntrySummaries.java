package org.preconsult.catalogue.application;

import java.util.List;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryIds;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.catalogue.model.Relation;
import org.preconsult.catalogue.model.RelationType;
import org.preconsult.catalogue.model.Translation;
import org.preconsult.federation.model.EntryDetails;
import org.preconsult.federation.model.EntrySummary;
import org.preconsult.federation.model.SystemSummary;

/**
 * Maps catalogue entries, with their translations and relations, to and from the form they travel
 * in. Reading back refuses (with an {@link IllegalArgumentException} naming what is wrong) a kind,
 * status or relation type this node does not know.
 */
public final class EntrySummaries {

    private EntrySummaries() {
    }

    public static EntrySummary of(CatalogueEntry e) {
        return new EntrySummary(e.id(), e.kind().name(), e.owner(), e.name(), e.description(), e.functions(),
                e.functionCode(), e.language(), e.status().name(), e.budget(), e.originNode(), e.version(), e.updatedAt());
    }

    /** The entry with the whole set of its translations and relations. */
    public static EntrySummary of(CatalogueEntry e, List<Translation> translations, List<Relation> relations) {
        return new EntrySummary(e.id(), e.kind().name(), e.owner(), e.name(), e.description(), e.functions(),
                e.functionCode(), e.language(), e.status().name(), e.budget(), e.originNode(), e.version(), e.updatedAt(),
                details(translations, relations));
    }

    public static EntryDetails details(List<Translation> translations, List<Relation> relations) {
        return new EntryDetails(
                translations.stream().map(t -> new EntryDetails.Text(t.language(), t.name(), t.description(), t.functions()))
                        .toList(),
                relations.stream().map(r -> new EntryDetails.Link(r.type().name(), r.target())).toList());
    }

    /** The translations the details carry; null (keep the stored ones) without details. */
    public static List<Translation> translations(EntryDetails details) {
        return details == null ? null : details.translations().stream()
                .map(t -> new Translation(t.language(), t.name(), t.description(), t.functions())).toList();
    }

    /** The relations the details carry; null (keep the stored ones) without details. Refuses an unknown type. */
    public static List<Relation> relations(EntryDetails details) {
        return details == null ? null : details.relations().stream()
                .map(r -> new Relation(RelationType.valueOf(r.type()), r.target())).toList();
    }

    public static CatalogueEntry entry(EntrySummary e) {
        return new CatalogueEntry(e.id(), EntryKind.valueOf(e.kind()), e.owner(), e.name(), e.description(),
                e.functions(), e.functionCode(), e.language(), EntryStatus.valueOf(e.status()), e.budget(),
                e.originNode(), e.version(), e.updatedAt());
    }

    /** The catalogue entry of a registered system: the same id at every node. */
    public static CatalogueEntry systemEntry(SystemSummary s, java.time.Instant at) {
        return new CatalogueEntry(EntryIds.system(s.ownerNode(), s.systemId()), EntryKind.EXISTING_SYSTEM, s.ownerName(),
                s.name(), s.description(), s.functions(), s.functionCode(), s.language(),
                EntryStatus.valueOf(s.status()), null, s.ownerNode(), s.version(), at);
    }

    /** Why a system's summary cannot become a catalogue entry here, if it cannot. */
    public static java.util.Optional<String> systemRefusal(SystemSummary s) {
        try {
            EntryStatus.valueOf(s.status());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of("unknown system status " + s.status());
        }
        try {
            relations(s.details());
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of("unknown relation type in the system's details");
        }
    }
}
