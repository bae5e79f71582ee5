package org.preconsult.system.application;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.model.EntryIds;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.catalogue.model.Relation;
import org.preconsult.common.infrastructure.TextLists;
import org.preconsult.federation.model.SystemSummary;
import org.preconsult.federation.model.Upward;
import org.preconsult.node.NodeSettings;
import org.preconsult.federation.application.Upstream;
import org.preconsult.catalogue.application.EntrySummaries;
import org.preconsult.system.infrastructure.SystemRow;
import org.preconsult.system.infrastructure.SystemRows;
import org.preconsult.system.model.InformationSystem;

/**
 * The existing information systems of this government. Registering or changing one updates the
 * own catalogue copy and announces the system upward in the same transaction, so it reaches every
 * node's catalogue; retiring it is the tombstone that makes it stop counting everywhere.
 */
@Singleton
public class SystemRegistry {

    /** What a coordinator writes about a system. */
    public record SystemCommand(String name, String description, List<String> functions, String functionCode,
                                String platform, EntryStatus status, Integer goLiveYear, String language) {
    }

    private final SystemRows rows;
    private final Catalogue catalogue;
    private final Upstream outbox;
    private final NodeSettings node;
    private final Clock clock;
    private final AuditTrail audit;
    private final CurrentActor actor;

    public SystemRegistry(SystemRows rows, Catalogue catalogue, Upstream outbox, NodeSettings node, Clock clock,
                          AuditTrail audit, CurrentActor actor) {
        this.rows = rows;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.node = node;
        this.clock = clock;
        this.audit = audit;
        this.actor = actor;
    }

    @Transactional
    public InformationSystem register(SystemCommand command) {
        return register(UUID.randomUUID().toString(), command);
    }

    /** Registers a system under a given id (a completed plan becomes the system of the same id). */
    @Transactional
    public InformationSystem register(String id, SystemCommand command) {
        var now = clock.instant();
        var system = new InformationSystem(id, command.name(), command.description(),
                command.functions(), command.functionCode(), command.platform(), statusOf(command), command.goLiveYear(),
                node.name(), command.language(), now, now, 1);
        rows.save(toRow(system));
        announce(system);
        audit.record(actor.current(), "SYSTEM", system.id(), "REGISTERED", null, view(system));
        return system;
    }

    /** The system as changed, or empty when no system has this id (nothing changed). */
    @Transactional
    public Optional<InformationSystem> change(String id, SystemCommand command) {
        return change(id, command, "CHANGED", Map.of());
    }

    /**
     * Changes a system and records the change as one audit event with the given action (e.g.
     * RETIRED) and details added to what the system became.
     */
    @Transactional
    public Optional<InformationSystem> change(String id, SystemCommand command, String action, Map<String, Object> details) {
        var found = find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var before = found.get();
        var now = clock.instant();
        var system = new InformationSystem(id, command.name(), command.description(), command.functions(),
                command.functionCode(), command.platform(), statusOf(command), command.goLiveYear(), before.owner(),
                command.language(), before.createdAt(), now, before.version() + 1);
        rows.update(toRow(system));
        announce(system);
        Map<String, Object> after = new java.util.LinkedHashMap<>(view(system));
        after.putAll(details);
        audit.record(actor.current(), "SYSTEM", id, action, view(before), after);
        return Optional.of(system);
    }

    /** The system registered here under {@code id}, if there is one. */
    @Transactional(readOnly = true)
    public Optional<InformationSystem> find(String id) {
        return rows.findById(id).map(SystemRegistry::toSystem);
    }

    @Transactional(readOnly = true)
    public Page<InformationSystem> list(Pageable pageable) {
        return rows.findAll(pageable).map(SystemRegistry::toSystem);
    }

    /**
     * Records that another government uses the system (an accepted adoption) in its catalogue
     * entry, as a new version of the system that travels up and to every catalogue; a government
     * already named is not added twice. Empty when no system has this id.
     */
    @Transactional
    public Optional<InformationSystem> usedBy(String id, Relation relation) {
        var found = find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var before = found.get();
        String entryId = EntryIds.system(node.id(), id);
        var relations = new java.util.ArrayList<>(catalogue.relations(entryId));
        if (relations.contains(relation)) {
            return found;
        }
        relations.add(relation);
        var system = new InformationSystem(id, before.name(), before.description(), before.functions(),
                before.functionCode(), before.platform(), before.status(), before.goLiveYear(), before.owner(),
                before.language(), before.createdAt(), clock.instant(), before.version() + 1);
        rows.update(toRow(system));
        announce(system, relations);
        audit.record(actor.current(), "SYSTEM", id, "USED_BY_ADDED", view(before),
                Map.of("version", system.version(), "usedBy", relation.target()));
        return Optional.of(system);
    }

    private void announce(InformationSystem system) {
        announce(system, null);
    }

    /** Updates the own catalogue copy (with {@code relations}, when not null) and sends the system up with its entry's details. */
    private void announce(InformationSystem system, List<Relation> relations) {
        var summary = new SystemSummary(system.id(), system.version(), node.id(), node.name(), system.name(),
                system.description(), system.functions(), system.functionCode(), system.platform(),
                system.status().name(), system.goLiveYear(), system.language());
        var entry = EntrySummaries.systemEntry(summary, clock.instant());
        catalogue.upsert(entry, null, relations);
        var details = catalogue.details(entry.id());
        outbox.announce(new Upward.SystemRegistered(new SystemSummary(system.id(), system.version(), node.id(),
                node.name(), system.name(), system.description(), system.functions(), system.functionCode(),
                system.platform(), system.status().name(), system.goLiveYear(), system.language(), details)));
    }

    private static EntryStatus statusOf(SystemCommand command) {
        return command.status() == null ? EntryStatus.OPERATING : command.status();
    }

    private static Map<String, Object> view(InformationSystem s) {
        return Map.of("name", s.name(), "status", s.status().name(), "version", s.version());
    }

    private static SystemRow toRow(InformationSystem s) {
        return new SystemRow(s.id(), s.name(), s.description(), TextLists.join(s.functions()), s.functionCode(),
                s.platform(), s.status().name(), s.goLiveYear(), s.owner(), s.language(), s.createdAt(), s.updatedAt(),
                s.version());
    }

    private static InformationSystem toSystem(SystemRow r) {
        return new InformationSystem(r.id(), r.name(), r.description(), TextLists.split(r.functions()), r.functionCode(),
                r.platform(), EntryStatus.valueOf(r.status()), r.goLiveYear(), r.owner(), r.language(), r.createdAt(),
                r.updatedAt(), r.version());
    }
}
