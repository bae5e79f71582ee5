package org.preconsult.sync.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.preconsult.common.infrastructure.Counters;
import org.preconsult.federation.application.Upstream;
import org.preconsult.federation.model.PlanRef;
import org.preconsult.federation.model.PlanSummary;
import org.preconsult.federation.model.Upward;
import org.preconsult.node.NodeSettings;
import org.preconsult.sync.infrastructure.EnvelopeWire;
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
public class Outbox implements Upstream {

    private final OutboxRows rows;
    private final Counters counters;
    private final NodeSettings node;
    private final Clock clock;
    private final ApplicationEventPublisher<SyncSignals.OutboxAppended> signals;
    private final Incarnation incarnation;

    public Outbox(OutboxRows rows, Counters counters, NodeSettings node, Clock clock,
                  ApplicationEventPublisher<SyncSignals.OutboxAppended> signals, Incarnation incarnation) {
        this.incarnation = incarnation;
        this.rows = rows;
        this.counters = counters;
        this.node = node;
        this.clock = clock;
        this.signals = signals;
    }

    /** Announces a change of this node to its parent; a node without a parent keeps nothing. */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void announce(Upward body) {
        if (!node.hasParent()) {
            return;
        }
        long seq = counters.next("envelope");
        var now = clock.instant();
        store(EnvelopeWire.encode(node.id(), incarnation.current(), seq, now, body), body);
    }

    /**
     * After the parent reported that one of this node's numbers is already taken by other content
     * (this database went back, e.g. restored from a backup): starts a new incarnation, raises the
     * envelope counter above every number the parent holds, and gives each own envelope still owed
     * a fresh seq. Push order and content stay as they were. Returns how many were renumbered.
     */
    @Transactional
    public int renumberAbove(long highestSeqAtParent, String reason) {
        String renewed = incarnation.renew(reason);
        counters.atLeast("envelope", highestSeqAtParent);
        int renumbered = 0;
        for (OutboxRow row : rows.findByOriginNodeOrderByPosition(node.id())) {
            long seq = counters.next("envelope");
            rows.update(new OutboxRow(row.position(), row.originNode(), seq, row.bodyType(),
                    EnvelopeWire.renumber(row.payload(), seq, renewed), row.createdAt(), row.attempts(), row.subject()));
            renumbered++;
        }
        signals.publishEvent(new SyncSignals.OutboxAppended());
        return renumbered;
    }

    /** The plan revision an envelope announces for review, as {@link PlanRef#line()} names it; null otherwise. */
    private static String subject(Upward body) {
        PlanSummary plan = body instanceof Upward.PlanSubmitted p ? p.plan()
                : body instanceof Upward.ReviewForwarded f ? f.plan() : null;
        if (plan == null) {
            return null;
        }
        String line = new PlanRef(plan.ownerNode(), plan.planId(), plan.revision()).line().strip();
        return line.length() > 200 ? null : line;
    }

    /** The plan revisions announced for review whose envelopes are still owed to the parent. */
    @Transactional(readOnly = true)
    public java.util.Set<String> owedPlanSubjects() {
        return new java.util.HashSet<>(rows.owedSubjects());
    }

    /** Makes sure no envelope of this node ever takes a seq at or below one the parent already holds. */
    @Transactional
    public void neverBelow(long highestSeqAtParent) {
        counters.atLeast("envelope", highestSeqAtParent);
    }

    /** When the oldest envelope still owed was written; empty when nothing is owed. */
    @Transactional(readOnly = true)
    public java.util.Optional<java.time.Instant> oldestCreatedAt() {
        return rows.oldestCreatedAt();
    }

    /** Passes a descendant's envelope on to the parent unchanged (origin and seq kept). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void relay(WireEnvelope envelope, Upward body) {
        if (!node.hasParent()) {
            return;
        }
        store(envelope, body);
    }

    private void store(WireEnvelope envelope, Upward body) {
        long position = counters.next("outbox");
        rows.save(new OutboxRow(position, envelope.originNode(), envelope.seq(),
                envelope.bodyType(), envelope.bytes(), clock.instant(), 0, subject(body)));
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
