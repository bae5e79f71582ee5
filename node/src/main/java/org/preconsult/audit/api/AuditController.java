package org.preconsult.audit.api;

import org.preconsult.common.api.PageView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.model.AuditEvent;
import org.preconsult.audit.model.AuditQuery;
import org.preconsult.identity.model.Role;

/** Reads the audit trail. Auditors and operators only: it shows every change and who made it. */
@Controller("/api/v1/audit")
@Secured({Role.AUDITOR_, Role.OPERATOR_})
class AuditController {

    private final AuditTrail trail;
    private final ObjectMapper json;

    AuditController(AuditTrail trail, ObjectMapper json) {
        this.trail = trail;
        this.json = json;
    }

    /** Events, newest first, filtered by any of entity type, entity id and actor; {@code page} counts from 0. */
    @Get
    PageView<AuditEventView> list(@QueryValue @Nullable String entityType, @QueryValue @Nullable String entityId,
                        @QueryValue @Nullable String actor,
                        @QueryValue(defaultValue = "0") @Min(0) int page,
                        @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        var found = trail.find(new AuditQuery(entityType, entityId, actor), page, size);
        return PageView.of(found.events().stream().map(this::view).toList(), page, size, found.total());
    }

    private AuditEventView view(AuditEvent e) {
        return new AuditEventView(e.id(), e.occurredAt(), e.actor(), e.nodeId(), e.entityType(), e.entityId(),
                e.action(), parse(e.before()), parse(e.after()), e.detail());
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            // Rows are written as JSON by AuditTrail; text that no longer parses is shown as text
            // rather than hiding the event.
            return JsonNode.createStringNode(text);
        }
    }
}
