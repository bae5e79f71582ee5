package org.preconsult.common.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Hands out strictly increasing values of the named counters in {@code node_counter}.
 *
 * <p>Invariant: taking a value locks the counter row until the surrounding transaction ends, so
 * values of one counter are committed in the order they were taken. A reader that sees value n has
 * every committed value below n visible too; no cursor can run ahead of a commit.
 *
 * <p>Lock order: a transaction that takes several counters takes them in the order feed, catalogue,
 * envelope, outbox (as deciding, publishing and relaying do), so two transactions never wait for
 * each other in a circle. Records that need no commit order (the audit trail) use identity columns
 * instead of a counter.
 */
@Singleton
public class Counters {

    private final JdbcOperations jdbc;

    public Counters(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the next value of the counter; must run inside the transaction that uses it. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public long next(String name) {
        return jdbc.prepareStatement("UPDATE node_counter SET counter_value = counter_value + 1 WHERE name = ?", update -> {
            update.setString(1, name);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("No counter named " + name);
            }
            return current(name);
        });
    }

    /**
     * Raises the counter to at least {@code value}, so the next value taken is above it (a number
     * another node already holds of this one is never taken again).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void atLeast(String name, long value) {
        jdbc.prepareStatement("UPDATE node_counter SET counter_value = ? WHERE name = ? AND counter_value < ?", update -> {
            update.setLong(1, value);
            update.setString(2, name);
            update.setLong(3, value);
            return update.executeUpdate();
        });
    }

    /** Reads the last value taken of the counter. */
    public long current(String name) {
        return jdbc.prepareStatement("SELECT counter_value FROM node_counter WHERE name = ?", select -> {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No counter named " + name);
                }
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
