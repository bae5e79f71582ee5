package org.preconsult.lifecycle.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.lifecycle.model.Retirement;
import org.preconsult.system.application.SystemRegistry;
import org.preconsult.system.model.InformationSystem;

/**
 * Retires an existing system of this government: its status becomes RETIRED through the system
 * registry, which announces it upward, so its catalogue entry is a tombstone at every node and it
 * stops counting in every redundancy check.
 */
@Singleton
public class RetiringSystems {

    private final SystemRegistry systems;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final Clock clock;

    public RetiringSystems(SystemRegistry systems, AuditTrail audit, CurrentActor actor, Clock clock) {
        this.systems = systems;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    @Transactional
    public Retirement retire(String systemId, LocalDate retiredOn, String reason) {
        var found = systems.find(systemId);
        if (found.isEmpty()) {
            return new Retirement.NoSuchSystem(systemId);
        }
        InformationSystem system = found.get();
        var result = Retirement.check(system.status(), retiredOn, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), reason);
        if (result instanceof Retirement.Allowed allowed) {
            systems.change(systemId, new SystemRegistry.SystemCommand(system.name(), system.description(),
                    system.functions(), system.functionCode(), system.platform(), EntryStatus.RETIRED,
                    system.goLiveYear(), system.language()), "RETIRED",
                    Map.of("retiredOn", allowed.retiredOn().toString(), "reason", allowed.reason()));
        }
        return result;
    }
}
