package org.preconsult.sync.application;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.preconsult.common.infrastructure.Counters;
import org.preconsult.sync.infrastructure.SyncRepositories.ConflictRows;
import org.preconsult.sync.infrastructure.SyncRows.ConflictRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where this node records what replication could not take at face value: a sequence number that
 * came back with other content, a cursor that no longer matches the parent's feed, an item one
 * side has and the other lacks. Each is logged at WARN and kept for the operator ({@code /health}).
 */
@Singleton
public class SyncConflicts {

    /** What kind of disagreement was found. */
    public enum Kind {
        /** A child re-used (origin, seq) with other content. */
        SEQ_REUSED,
        /** The parent answered CONFLICT to one of this node's envelopes; it was announced again. */
        SEQ_REANNOUNCED,
        /** This node's cursor did not match its parent's feed; it re-synchronised from the start. */
        FEED_RESYNC,
        /** A child's cursor did not match this node's feed. */
        CHILD_CURSOR_AHEAD,
        /** Reconciliation found an item missing on one side and repaired it. */
        RECONCILED
    }

    private static final Logger LOG = LoggerFactory.getLogger(SyncConflicts.class);

    private final ConflictRows rows;
    private final Counters counters;
    private final Clock clock;

    public SyncConflicts(ConflictRows rows, Counters counters, Clock clock) {
        this.rows = rows;
        this.counters = counters;
        this.clock = clock;
    }

    /** Records the conflict in the caller's transaction. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(Kind kind, String originNode, Long originSeq, String detail) {
        String text = detail.length() > 2000 ? detail.substring(0, 2000) : detail;
        LOG.warn("Replication conflict {} (origin {}, seq {}): {}", kind, originNode, originSeq, text);
        rows.save(new ConflictRow(counters.next("conflict"), kind.name(), originNode, originSeq, text, clock.instant()));
    }

    /** Records the conflict in a transaction of its own. */
    @Transactional
    public void recordNow(Kind kind, String originNode, Long originSeq, String detail) {
        record(kind, originNode, originSeq, detail);
    }

    @Transactional(readOnly = true)
    public long count() {
        return rows.count();
    }

    @Transactional(readOnly = true)
    public Page<ConflictRow> latest(int size) {
        return rows.findAll(Pageable.from(0, size, Sort.of(Sort.Order.desc("id"))));
    }
}
