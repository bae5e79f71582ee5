package org.preconsult.common.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code Idempotency-Key} values of state-changing requests ({@code idempotency_key}), scoped by
 * the caller (e.g. {@code "catalogue-import:" + key}), with a hash of what the request carried and
 * what was answered, so that a retry gets the same answer and a key reused for other content is
 * refused.
 *
 * <p>A key is claimed by inserting it with {@code ON CONFLICT DO NOTHING} in the import's own
 * transaction: a concurrent request with the same key waits on the row until the first commits,
 * then finds it claimed. The summary is stored before that transaction commits, so a claimed key
 * that is visible always has its summary.
 */
@Singleton
public class IdempotencyKeys {

    /** A key already used: the hash of what it carried and the summary then answered. */
    public record Used(String requestHash, String summary) {
    }

    private final JdbcOperations jdbc;

    public IdempotencyKeys(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A stable fingerprint of what a request carried (its records' text form), for comparing retries. */
    public static String hashOf(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Claims the key for this request; empty when it was free, else how it was used. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Used> claim(String key, String requestHash) {
        int inserted = jdbc.prepareStatement("INSERT INTO idempotency_key (idempotency_key, request_hash, created_at)"
                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING", insert -> {
                    insert.setString(1, key);
                    insert.setString(2, requestHash);
                    insert.setTimestamp(3, Timestamp.from(Instant.now()));
                    return insert.executeUpdate();
                });
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.prepareStatement("SELECT request_hash, summary FROM idempotency_key WHERE idempotency_key = ?",
                select -> {
                    select.setString(1, key);
                    try (ResultSet rs = select.executeQuery()) {
                        rs.next();
                        return Optional.of(new Used(rs.getString(1), rs.getString(2)));
                    }
                });
    }

    /** Records the summary answered for a key this transaction claimed. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void complete(String key, String summary) {
        jdbc.prepareStatement("UPDATE idempotency_key SET summary = ? WHERE idempotency_key = ?", update -> {
            update.setString(1, summary);
            update.setString(2, key);
            return update.executeUpdate();
        });
    }
}
