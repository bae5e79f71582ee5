package org.preconsult.sync.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.preconsult.common.infrastructure.Counters;
import org.preconsult.federation.model.PlanRef;
import org.preconsult.node.NodeSettings;
import org.preconsult.plan.application.PlanDeliveries;
import org.preconsult.sync.infrastructure.SyncRepositories.OutboxRows;
import org.preconsult.sync.infrastructure.SyncRepositories.RejectedItemRows;
import org.preconsult.sync.infrastructure.SyncRows.RejectedItemRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this node does with its parent's answer to a push, one envelope at a time: an accepted or
 * duplicate envelope leaves the outbox (and a submitted plan counts as delivered); a refused one
 * leaves it too, recorded with the parent's reason where the operator and the plan's owner see
 * it; numbers the parent reports as already taken are given up, and the envelopes announced again
 * under a new incarnation. Nothing the parent answered is ignored.
 */
@Singleton
public class Acknowledgements {

    /** An envelope this node pushed, as the answer is matched to it. {@code plan} is set for an own plan submission. */
    public record Pushed(long position, String originNode, long seq, String bodyType, PlanRef plan) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Acknowledgements.class);

    private final OutboxRows outbox;
    private final Outbox owed;
    private final RejectedItemRows rejected;
    private final Counters counters;
    private final PlanDeliveries deliveries;
    private final SyncConflicts conflicts;
    private final NodeSettings node;
    private final Clock clock;

    public Acknowledgements(OutboxRows outbox, Outbox owed, RejectedItemRows rejected, Counters counters,
                            PlanDeliveries deliveries, SyncConflicts conflicts, NodeSettings node, Clock clock) {
        this.outbox = outbox;
        this.owed = owed;
        this.rejected = rejected;
        this.counters = counters;
        this.deliveries = deliveries;
        this.conflicts = conflicts;
        this.node = node;
        this.clock = clock;
    }

    /**
     * Settles the answers of one push in one transaction. Conflicts on this node's own envelopes
     * are settled last, together: the envelopes still owed are renumbered once, above the highest
     * number the parent reported.
     */
    @Transactional
    public void settle(List<Pushed> pushed, List<Receipt> receipts) {
        long highestConflict = -1;
        String conflictReason = null;
        for (int i = 0; i < receipts.size() && i < pushed.size(); i++) {
            var envelope = pushed.get(i);
            var receipt = receipts.get(i);
            if (receipt instanceof Receipt.Accepted || receipt instanceof Receipt.Duplicate) {
                delivered(envelope);
            } else if (receipt instanceof Receipt.Rejected r) {
                refused(envelope, r.reason());
            } else if (receipt instanceof Receipt.Conflict c) {
                if (envelope.originNode().equals(node.id())) {
                    highestConflict = Math.max(highestConflict, c.highestSeq());
                    conflictReason = c.reason();
                } else {
                    conflicts.record(SyncConflicts.Kind.SEQ_REUSED, envelope.originNode(), envelope.seq(),
                            "The parent holds this relayed envelope's number with other content; dropped here: " + c.reason());
                    outbox.deleteById(envelope.position());
                }
            } else {
                throw new IllegalStateException("Unhandled receipt " + receipt);
            }
        }
        if (highestConflict >= 0) {
            int renumbered = owed.renumberAbove(highestConflict, "the parent holds seq numbers of this node with other content");
            conflicts.record(SyncConflicts.Kind.SEQ_REANNOUNCED, node.id(), highestConflict,
                    "The parent reported: " + conflictReason + ". " + renumbered
                            + " envelope(s) still owed were renumbered above " + highestConflict + " and will be sent again.");
        }
    }

    private void delivered(Pushed envelope) {
        outbox.deleteById(envelope.position());
        if (envelope.plan() != null) {
            deliveries.confirmed(envelope.plan().planId(), envelope.plan().revision());
        }
    }

    private void refused(Pushed envelope, String reason) {
        LOG.warn("Parent refused envelope ({}, {}) {}: {}", envelope.originNode(), envelope.seq(), envelope.bodyType(), reason);
        outbox.deleteById(envelope.position());
        String text = "(" + envelope.originNode() + ", " + envelope.seq() + ") refused by the parent: " + reason;
        rejected.save(new RejectedItemRow(counters.next("rejected"), "PUSH", null, envelope.bodyType(),
                text.length() > 1000 ? text.substring(0, 1000) : text, clock.instant()));
        if (envelope.plan() != null) {
            deliveries.refused(envelope.plan().planId(), envelope.plan().revision(), reason);
        }
    }
}
