package org.preconsult.audit.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.preconsult.audit.model.AuditEvent;
import org.preconsult.audit.model.AuditQuery;

/**
 * Reads audit events, newest first, filtered by whichever of entity type, entity id and actor
 * are given. Only SELECTs: filters are bound as parameters, never spliced into the SQL.
 */
@Singleton
public class AuditEventSearch {

    /** One page of events and how many match in all. */
    public record Found(List<AuditEvent> events, long total) {
    }

    private final JdbcOperations jdbc;

    public AuditEventSearch(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside a transaction (the caller's, read-only is enough). */
    public Found find(AuditQuery query, int page, int size) {
        var where = new StringBuilder(" WHERE 1 = 1");
        var params = new ArrayList<String>();
        filter(where, params, "entity_type", query.entityType());
        filter(where, params, "entity_id", query.entityId());
        filter(where, params, "actor", query.actor());

        long total = jdbc.prepareStatement("SELECT COUNT(*) FROM audit_event" + where, count -> {
            bind(count, params);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        List<AuditEvent> events = jdbc.prepareStatement("SELECT id, occurred_at, actor, node_id, entity_type, entity_id,"
                + " action, before_state, after_state, detail FROM audit_event" + where
                + " ORDER BY id DESC LIMIT ? OFFSET ?", select -> {
            bind(select, params);
            select.setInt(params.size() + 1, size);
            select.setLong(params.size() + 2, (long) page * size);
            try (ResultSet rs = select.executeQuery()) {
                var found = new ArrayList<AuditEvent>();
                while (rs.next()) {
                    found.add(new AuditEvent(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10)));
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return new Found(events, total);
    }

    private static void filter(StringBuilder where, List<String> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static void bind(java.sql.PreparedStatement statement, List<String> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setString(i + 1, params.get(i));
        }
    }
}
