package org.preconsult.audit.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One audit event on the wire; {@code before} and {@code after} are the recorded JSON, parsed. */
@Serdeable
public record AuditEventView(long id, Instant occurredAt, String actor, String nodeId, String entityType,
                             String entityId, String action, @Nullable JsonNode before, @Nullable JsonNode after,
                             @Nullable String detail) {
}
