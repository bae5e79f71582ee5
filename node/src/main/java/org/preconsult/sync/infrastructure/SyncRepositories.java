package org.preconsult.sync.infrastructure;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
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
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface InboxRows extends CrudRepository<InboxRow, InboxRow.Key> {
        Page<InboxRow> findByResult(String result, Pageable pageable);

        long countByResult(String result);
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
