package org.preconsult.sync.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.preconsult.common.infrastructure.Counters;
import org.preconsult.federation.model.Upward;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.node.NodeSettings;
import org.preconsult.sync.infrastructure.FederationCodec;
import org.preconsult.sync.infrastructure.SyncRepositories.OutboxRows;
import org.preconsult.sync.infrastructure.SyncRows.OutboxRow;

/**
 * The transactional outbox: envelopes owed to the parent. Appending joins the transaction of the
 * change it announces, so the change and its envelope are durable together or not at all.
 *
 * <p>Invariants: an own envelope's seq comes from the 'envelope' counter, so it strictly increases
 * and is committed in order; a relayed envelope keeps its origin and seq; a row leaves only when
 * the parent acknowledged it.
 */
@Singleton
public class Outbox {

    private final OutboxRows rows;
    private final Counters counters;
    private final NodeSettings node;
    private final Clock clock;
    private final ApplicationEventPublisher<SyncSignals.OutboxAppended> signals;

    public Outbox(OutboxRows rows, Counters counters, NodeSettings node, Clock clock,
                  ApplicationEventPublisher<SyncSignals.OutboxAppended> signals) {
        this.rows = rows;
        this.counters = counters;
        this.node = node;
        this.clock = clock;
        this.signals = signals;
    }

    /** Announces a change of this node to its parent; a node without a parent keeps nothing. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void append(Upward body) {
        if (!node.hasParent()) {
            return;
        }
        long seq = counters.next("envelope");
        var now = clock.instant();
        var envelope = FederationCodec.envelope(node.id(), seq, now, body);
        store(envelope);
    }

    /** Passes a descendant's envelope on to the parent unchanged (origin and seq kept). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void relay(Envelope envelope) {
        if (!node.hasParent()) {
            return;
        }
        store(envelope);
    }

    private void store(Envelope envelope) {
        long position = counters.next("outbox");
        rows.save(new OutboxRow(position, envelope.getOriginNode(), envelope.getSeq(),
                envelope.getBodyCase().name(), envelope.toByteArray(), clock.instant(), 0));
        signals.publishEvent(new SyncSignals.OutboxAppended());
    }

    /** The oldest envelopes still owed, in push order. */
    @Transactional(readOnly = true)
    public List<OutboxRow> oldest(int limit) {
        return rows.findByPositionGreaterThanOrderByPosition(0, Pageable.from(0, limit));
    }

    @Transactional
    public void attempted(List<Long> positions) {
        if (!positions.isEmpty()) {
            rows.countAttempt(positions);
        }
    }

    /** Removes an envelope the parent acknowledged. */
    @Transactional
    public void acknowledged(String originNode, long originSeq) {
        rows.deleteByOriginNodeAndOriginSeq(originNode, originSeq);
    }

    @Transactional(readOnly = true)
    public long depth() {
        return rows.count();
    }
}
