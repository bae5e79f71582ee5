package org.preconsult.system.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import org.preconsult.catalogue.model.EntryIds;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.node.NodeSettings;

/**
 * Standard systems that central agencies plan or distribute to all governments. Registered only at
 * the central node; the catalogue sends them down to every node.
 */
@Singleton
public class StandardSystems {

    private final Catalogue catalogue;
    private final NodeSettings node;
    private final Clock clock;
    private final AuditTrail audit;
    private final CurrentActor actor;

    public StandardSystems(Catalogue catalogue, NodeSettings node, Clock clock, AuditTrail audit, CurrentActor actor) {
        this.catalogue = catalogue;
        this.node = node;
        this.clock = clock;
        this.audit = audit;
        this.actor = actor;
    }

    @Transactional
    public StandardChange register(SystemRegistry.SystemCommand command, String owner, BigDecimal budget) {
        if (!node.isCentral()) {
            return new StandardChange.NotCentral(node.role());
        }
        var entry = new CatalogueEntry(EntryIds.newStandard(node.id()), EntryKind.STANDARD_SYSTEM,
                owner == null || owner.isBlank() ? node.name() : owner, command.name(), command.description(),
                command.functions(), command.functionCode(), command.language(),
                command.status() == null ? EntryStatus.PLANNED : command.status(), budget, node.id(), 1, clock.instant());
        catalogue.upsert(entry);
        audit.record(actor.current(), "STANDARD_SYSTEM", entry.id(), "REGISTERED", null,
                Map.of("name", entry.name(), "status", entry.status().name()));
        return new StandardChange.Done(entry);
    }

    @Transactional
    public StandardChange change(String id, SystemRegistry.SystemCommand command, String owner, BigDecimal budget) {
        if (!node.isCentral()) {
            return new StandardChange.NotCentral(node.role());
        }
        var found = catalogue.find(id).filter(e -> e.kind() == EntryKind.STANDARD_SYSTEM);
        if (found.isEmpty()) {
            return new StandardChange.Unknown(id);
        }
        var before = found.get();
        var entry = new CatalogueEntry(id, EntryKind.STANDARD_SYSTEM, owner == null || owner.isBlank() ? before.owner() : owner,
                command.name(), command.description(), command.functions(), command.functionCode(), command.language(),
                command.status() == null ? before.status() : command.status(), budget, node.id(), before.version() + 1,
                clock.instant());
        catalogue.upsert(entry);
        audit.record(actor.current(), "STANDARD_SYSTEM", id, "CHANGED",
                Map.of("status", before.status().name(), "version", before.version()),
                Map.of("status", entry.status().name(), "version", entry.version()));
        return new StandardChange.Done(entry);
    }
}
