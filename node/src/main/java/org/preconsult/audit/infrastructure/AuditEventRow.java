package org.preconsult.audit.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

/** A row of {@code audit_event}. */
@MappedEntity("audit_event")
public record AuditEventRow(
        @Id @GeneratedValue @Nullable Long id,
        Instant occurredAt,
        String actor,
        String nodeId,
        String entityType,
        String entityId,
        String action,
        @Nullable @MappedProperty("before_state") String beforeState,
        @Nullable @MappedProperty("after_state") String afterState,
        @Nullable String detail) {
}
