package org.preconsult.signing.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.preconsult.signing.model.NodeKeyInfo;

/**
 * The {@code trusted_key} table. Rows are only inserted, never changed: a key id once trusted keeps
 * its bytes. Callers provide the transaction.
 */
@Singleton
public class TrustedKeyTable {

    private static final String COLUMNS = "node_id, key_id, algorithm, public_key, created_at";

    private final JdbcOperations jdbc;

    public TrustedKeyTable(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the key unless a key with its (node id, key id) exists; true when inserted. The
     * conflict is handled by the database, so two concurrent inserts cannot both win.
     */
    public boolean insertIfAbsent(NodeKeyInfo key, Instant receivedAt) {
        return jdbc.prepareStatement("INSERT INTO trusted_key (" + COLUMNS + ", received_at) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", insert -> {
            insert.setString(1, key.nodeId());
            insert.setString(2, key.keyId());
            insert.setString(3, key.algorithm());
            insert.setBytes(4, key.publicKey());
            insert.setObject(5, OffsetDateTime.ofInstant(key.createdAt(), ZoneOffset.UTC));
            insert.setObject(6, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC));
            return insert.executeUpdate() == 1;
        });
    }

    public Optional<NodeKeyInfo> find(String nodeId, String keyId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM trusted_key WHERE node_id = ? AND key_id = ?", select -> {
            select.setString(1, nodeId);
            select.setString(2, keyId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /** Every trusted key, by node then creation time. */
    public List<NodeKeyInfo> all() {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM trusted_key ORDER BY node_id, created_at, key_id", select -> {
            try (ResultSet rs = select.executeQuery()) {
                var keys = new ArrayList<NodeKeyInfo>();
                while (rs.next()) {
                    keys.add(read(rs));
                }
                return keys;
            }
        });
    }

    private static NodeKeyInfo read(ResultSet rs) throws SQLException {
        return new NodeKeyInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                rs.getObject(5, OffsetDateTime.class).toInstant());
    }
}
