package org.preconsult.audit.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import org.preconsult.audit.infrastructure.AuditEventRow;
import org.preconsult.audit.infrastructure.AuditEventRows;
import org.preconsult.audit.infrastructure.AuditEventSearch;
import org.preconsult.audit.model.AuditEvent;
import org.preconsult.audit.model.AuditQuery;

/**
 * The append-only audit trail of this node: every state change records who did what to which
 * entity, with its state before and after.
 *
 * <p>Invariant: {@link #record} only joins the transaction of the change it records (propagation
 * MANDATORY), so the event is committed if and only if the change is; there is no audit row for a
 * change that rolled back, and no change without its row.
 */
@Singleton
public class AuditTrail {

    private final AuditEventRows rows;
    private final AuditEventSearch search;
    private final ObjectMapper json;
    private final Clock clock;
    private final String nodeId;

    public AuditTrail(AuditEventRows rows, AuditEventSearch search, ObjectMapper json, Clock clock,
                      @Value("${preconsult.node.id}") String nodeId) {
        this.rows = rows;
        this.search = search;
        this.json = json;
        this.clock = clock;
        this.nodeId = nodeId;
    }

    /**
     * Records a change in the current transaction. {@code before} and {@code after} are serialized
     * to JSON ({@code @Serdeable} types, maps, lists, strings, numbers) or null; returns the event id.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public long record(String actor, String entityType, String entityId, String action, Object before, Object after) {
        return record(actor, entityType, entityId, action, before, after, null);
    }

    /** As {@link #record(String, String, String, String, Object, Object)}, with a free-text detail (a reason, a request id). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public long record(String actor, String entityType, String entityId, String action, Object before, Object after,
                       String detail) {
        return rows.save(new AuditEventRow(null, clock.instant(), actor, nodeId, entityType, entityId, action,
                toJson(before), toJson(after), detail)).id();
    }

    /** Events matching the query, newest first; {@code page} counts from 0. */
    @Transactional(readOnly = true)
    public AuditEventSearch.Found find(AuditQuery query, int page, int size) {
        return search.find(query, page, size);
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write " + state.getClass().getName()
                    + " to the audit trail as JSON: make it @Serdeable", e);
        }
    }

    /** Reads one event by its id. */
    @Transactional(readOnly = true)
    public java.util.Optional<AuditEvent> findById(long id) {
        return rows.findById(id).map(r -> new AuditEvent(r.id(), r.occurredAt(), r.actor(), r.nodeId(),
                r.entityType(), r.entityId(), r.action(), r.beforeState(), r.afterState(), r.detail()));
    }
}
