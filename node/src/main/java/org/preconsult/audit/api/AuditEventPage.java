package org.preconsult.audit.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A page of audit events, newest first, with how many match in all. */
@Serdeable
public record AuditEventPage(List<AuditEventView> items, long total, int page, int size) {
}
