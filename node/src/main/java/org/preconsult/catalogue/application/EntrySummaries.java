package org.preconsult.catalogue.application;

import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryIds;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.federation.model.EntrySummary;
import org.preconsult.federation.model.SystemSummary;

/**
 * Maps catalogue entries to and from the form they travel in. Reading back refuses (with an
 * {@link IllegalArgumentException} naming what is wrong) a kind or status this node does not know.
 */
public final class EntrySummaries {

    private EntrySummaries() {
    }

    public static EntrySummary of(CatalogueEntry e) {
        return new EntrySummary(e.id(), e.kind().name(), e.owner(), e.name(), e.description(), e.functions(),
                e.functionCode(), e.language(), e.status().name(), e.budget(), e.originNode(), e.version(), e.updatedAt());
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
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of("unknown system status " + s.status());
        }
    }
}
