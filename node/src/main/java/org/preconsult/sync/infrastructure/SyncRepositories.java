package org.preconsult.sync.infrastructure;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import org.preconsult.sync.infrastructure.SyncRows.CursorRow;
import org.preconsult.sync.infrastructure.SyncRows.FeedRow;
import org.preconsult.sync.infrastructure.SyncRows.OutboxRow;
import org.preconsult.sync.infrastructure.SyncRows.RejectedItemRow;
import org.preconsult.sync.infrastructure.SyncRows.StatusRow;
import org.preconsult.sync.infrastructure.SyncRows.SubtreeRow;

/** Repositories of the replication tables. */
public final class SyncRepositories {

    private SyncRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface OutboxRows extends CrudRepository<OutboxRow, Long> {
        List<OutboxRow> findByPositionGreaterThanOrderByPosition(long after, Pageable pageable);

        @Query("UPDATE outbox SET attempts = attempts + 1 WHERE position IN (:positions)")
        void countAttempt(List<Long> positions);

        void deleteByOriginNodeAndOriginSeq(String originNode, long originSeq);

        List<OutboxRow> findByOriginNodeOrderByPosition(String originNode);

        @Query("SELECT subject FROM outbox WHERE subject IS NOT NULL")
        List<String> owedSubjects();

        @Query("SELECT MIN(created_at) FROM outbox")
        Optional<java.time.Instant> oldestCreatedAt();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface InboxRows extends CrudRepository<InboxRow, InboxRow.Key> {
        Page<InboxRow> findByResult(String result, Pageable pageable);

        long countByResult(String result);

        @Query("SELECT COALESCE(MAX(origin_seq), 0) FROM inbox WHERE origin_node = :originNode")
        long highestSeq(String originNode);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface FeedRows extends CrudRepository<FeedRow, Long> {
        @Query("""
                SELECT * FROM feed f WHERE f.position > :after
                  AND (f.address IS NULL OR f.address IN (SELECT s.node_id FROM subtree s WHERE s.via_child = :child))
                ORDER BY f.position LIMIT :limit""")
        List<FeedRow> findForChild(long after, String child, int limit);

        @Query("SELECT COALESCE(MAX(position), 0) FROM feed")
        long head();

        /** The latest item addressed to a node about a subject (a decision's plan revision). */
        @Query("SELECT * FROM feed f WHERE f.address = :address AND f.subject = :subject ORDER BY f.position DESC LIMIT 1")
        Optional<FeedRow> latestFor(String address, String subject);

        boolean existsByAddressAndDigest(String address, String digest);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface ConflictRows extends CrudRepository<SyncRows.ConflictRow, Long> {
        Page<SyncRows.ConflictRow> findAll(Pageable pageable);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface IncarnationRows extends CrudRepository<SyncRows.IncarnationRow, String> {
        Optional<SyncRows.IncarnationRow> findByCurrent(boolean current);

        @Query("UPDATE node_incarnation SET current = FALSE WHERE current = TRUE")
        void retireCurrent();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface CursorRows extends CrudRepository<CursorRow, String> {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface StatusRows extends CrudRepository<StatusRow, String> {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface SubtreeRows extends CrudRepository<SubtreeRow, String> {
        List<SubtreeRow> findByViaChild(String viaChild);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface PublishedKeyRows extends CrudRepository<SyncRows.PublishedKeyRow, String> {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface RejectedItemRows extends CrudRepository<RejectedItemRow, Long> {
        Page<RejectedItemRow> findAll(Pageable pageable);
    }
}
