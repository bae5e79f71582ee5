package org.preconsult.signing.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The {@code applied_decision} table. Callers provide the transaction. */
@Singleton
public class AppliedDecisionTable {

    private final JdbcOperations jdbc;

    public AppliedDecisionTable(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the mark unless it conflicts with one already there (same decision id, or same plan
     * revision); true when inserted. {@code ON CONFLICT DO NOTHING} keeps the caller's transaction
     * usable on PostgreSQL, where a failed insert would abort it; a concurrent insert of the same
     * key waits for the other transaction and then reports the conflict.
     */
    public boolean insertIfAbsent(String decisionId, String planId, Integer planRevision, Instant appliedAt) {
        return jdbc.prepareStatement("INSERT INTO applied_decision (decision_id, applied_at, plan_id, plan_revision)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", insert -> {
            insert.setString(1, decisionId);
            insert.setObject(2, OffsetDateTime.ofInstant(appliedAt, ZoneOffset.UTC));
            insert.setString(3, planId);
            if (planRevision == null) {
                insert.setNull(4, java.sql.Types.INTEGER);
            } else {
                insert.setInt(4, planRevision);
            }
            return insert.executeUpdate() == 1;
        });
    }

    /** When the decision was applied, if it was. */
    public Optional<Instant> appliedAt(String decisionId) {
        return jdbc.prepareStatement("SELECT applied_at FROM applied_decision WHERE decision_id = ?", select -> {
            select.setString(1, decisionId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
            }
        });
    }

    /** The id of the decision applied for the plan revision, if any. */
    public Optional<String> decisionFor(String planId, int planRevision) {
        return jdbc.prepareStatement("SELECT decision_id FROM applied_decision WHERE plan_id = ? AND plan_revision = ?", select -> {
            select.setString(1, planId);
            select.setInt(2, planRevision);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }
}
