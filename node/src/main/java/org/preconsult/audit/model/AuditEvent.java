package org.preconsult.audit.model;

import java.time.Instant;

/**
 * One state change at this node, as the audit trail keeps it for ever. {@code before} and
 * {@code after} are JSON texts of the changed thing (null where it did not exist).
 */
public record AuditEvent(long id, Instant occurredAt, String actor, String nodeId, String entityType,
                         String entityId, String action, String before, String after, String detail) {
}
