package org.preconsult.audit.model;

/** Which audit events to list; a null field matches everything. */
public record AuditQuery(String entityType, String entityId, String actor) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null);
    }
}
