package org.preconsult.sync.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.preconsult.common.infrastructure.Counters;
import org.preconsult.federation.application.Downstream;
import org.preconsult.federation.model.Downward;
import org.preconsult.federation.model.EntrySummary;
import org.preconsult.federation.model.PracticeMark;
import org.preconsult.sync.infrastructure.FeedWire;
import org.preconsult.sync.infrastructure.SyncRepositories.FeedRows;
import org.preconsult.sync.infrastructure.SyncRows.FeedRow;

/**
 * What this node offers its children to pull: broadcast catalogue entries and keys, and decisions
 * addressed to a node in the subtree. Appending joins the transaction of the change.
 *
 * <p>Invariant: positions come from the 'feed' counter, so a child that has seen position n has
 * seen every committed position below n it is entitled to; its cursor never skips an item.
 */
@Singleton
public class Feed implements Downstream {

    private final FeedRows rows;
    private final Counters counters;
    private final Clock clock;
    private final ApplicationEventPublisher<SyncSignals.FeedAppended> signals;

    public Feed(FeedRows rows, Counters counters, Clock clock, ApplicationEventPublisher<SyncSignals.FeedAppended> signals) {
        this.rows = rows;
        this.counters = counters;
        this.clock = clock;
        this.signals = signals;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void broadcast(EntrySummary entry) {
        append(null, null, new Downward.EntryPublished(entry));
    }

    /** Offers a node's public key, as its certificate sealed it, to the whole subtree. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void publishKey(byte[] sealedKey) {
        append(null, null, new Downward.KeyPublished(sealedKey));
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void broadcast(PracticeMark mark) {
        append(null, null, new Downward.PracticeMarked(mark));
    }

    /** Queues a decision on a plan revision for the node it is addressed to (relayed by intermediate nodes). */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void address(String nodeId, String planId, int planRevision, byte[] signedDecision) {
        append(nodeId, subject(planId, planRevision), new Downward.DecisionAddressed(nodeId, signedDecision));
    }

    /** Queues a condition's signed waiver for the plan's owner (relayed by intermediate nodes). */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void addressWaiver(String nodeId, String conditionId, byte[] signedWaiver) {
        append(nodeId, "condition:" + conditionId, new Downward.WaiverAddressed(nodeId, signedWaiver));
    }

    /** Whether this very signed waiver is already queued for the node. */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean holdsWaiver(String nodeId, byte[] signedWaiver) {
        return rows.existsByAddressAndDigest(nodeId,
                Digests.sha256(FeedWire.encode(new Downward.WaiverAddressed(nodeId, signedWaiver)).bytes()));
    }

    /** Queues an envelope addressed to one node (an adoption message), its origin's seal untouched, for the subtree holding it. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void addressEnvelope(String nodeId, byte[] sealedEnvelope) {
        append(nodeId, null, new Downward.EnvelopeAddressed(nodeId, sealedEnvelope));
    }

    /** Whether this very signed decision is already queued for the node (a relay re-reading its parent's feed). */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean holds(String nodeId, byte[] signedDecision) {
        return rows.existsByAddressAndDigest(nodeId,
                Digests.sha256(FeedWire.encode(new Downward.DecisionAddressed(nodeId, signedDecision)).bytes()));
    }

    /**
     * Queues again the latest decision addressed to a node on a plan revision, when the child that
     * asks has already read past it ({@code childCursor}) and still lacks it: it was lost on the
     * way. One above the child's cursor is still on its way and is left alone. False when nothing
     * was queued.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean queueAgain(String nodeId, String planId, int planRevision, long childCursor) {
        var latest = rows.latestFor(nodeId, subject(planId, planRevision))
                .filter(row -> row.position() <= childCursor);
        latest.ifPresent(row -> save(row.address(), row.subject(), row.bodyType(), row.payload()));
        return latest.isPresent();
    }

    private static String subject(String planId, int planRevision) {
        return "plan:" + planId + "#" + planRevision;
    }

    private void append(String address, String subject, Downward message) {
        var encoded = FeedWire.encode(message);
        save(address, subject, encoded.bodyType(), encoded.bytes());
    }

    private void save(String address, String subject, String bodyType, byte[] payload) {
        long position = counters.next("feed");
        rows.save(new FeedRow(position, address, bodyType, payload, clock.instant(), Digests.sha256(payload), subject));
        signals.publishEvent(new SyncSignals.FeedAppended(position));
    }

    /** The item at a position, if this node's feed has one there. */
    @Transactional(readOnly = true)
    public java.util.Optional<FeedRow> at(long position) {
        return rows.findById(position);
    }

    /** Items after a position that a child may receive: broadcasts and items for its subtree. */
    @Transactional(readOnly = true)
    public List<FeedRow> after(long position, String child, int limit) {
        return rows.findForChild(position, child, limit);
    }

    @Transactional(readOnly = true)
    public long head() {
        return rows.head();
    }
}
