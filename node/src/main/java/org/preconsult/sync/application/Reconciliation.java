package org.preconsult.sync.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.preconsult.federation.model.PlanRef;
import org.preconsult.node.NodeSettings;
import org.preconsult.plan.application.PlanDeliveries;
import org.preconsult.review.application.CaseHoldings;
import org.preconsult.sync.infrastructure.SyncRepositories.SubtreeRows;
import org.preconsult.sync.infrastructure.SyncRows.SubtreeRow;

/**
 * Reconciliation between a node and its parent: what the child believes the parent holds for it
 * (its own plans awaiting a decision, the reviews it forwarded) against what the parent holds for
 * the child's subtree. Both sides first compare a SHA-256 digest of the sorted list (32 bytes on
 * the wire when they agree); only on a difference does the child send the list, and the parent
 * answers item by item. Every repair is a re-send through the ordinary channels, so it is as
 * durable and idempotent as the first delivery: a plan the parent lacks is announced again, a
 * decision the child lacks is queued again in the parent's feed.
 */
@Singleton
public class Reconciliation {

    /** The parent's answer. */
    public sealed interface Answer {
        long highestSeq();

        /** Both sides agree. */
        record Match(long highestSeq) implements Answer {
        }

        /** The digests differ: send the list. */
        record SendRefs(long highestSeq) implements Answer {
        }

        /**
         * Compared item by item: {@code unknown} the parent has no record of, {@code decided} whose
         * decision the parent queued again, {@code unexpected} the parent holds but the child did not list.
         */
        record Compared(List<PlanRef> unknown, List<PlanRef> decided, List<PlanRef> unexpected,
                        long highestSeq) implements Answer {
        }
    }

    /** What the child repaired after an answer. */
    public record Repair(int announcedAgain, int confirmed) {
    }

    private final CaseHoldings review;
    private final PlanDeliveries deliveries;
    private final SubtreeRows subtree;
    private final ReceivingEnvelopes receiving;
    private final Feed feed;
    private final Outbox outbox;
    private final SyncConflicts conflicts;
    private final NodeSettings node;

    public Reconciliation(CaseHoldings review, PlanDeliveries deliveries, SubtreeRows subtree, ReceivingEnvelopes receiving,
                          Feed feed, Outbox outbox, SyncConflicts conflicts, NodeSettings node) {
        this.review = review;
        this.deliveries = deliveries;
        this.subtree = subtree;
        this.receiving = receiving;
        this.feed = feed;
        this.outbox = outbox;
        this.conflicts = conflicts;
        this.node = node;
    }

    /** The digest both sides take over a list of refs: SHA-256 of their lines in order. */
    public static byte[] digest(List<PlanRef> refs) {
        var text = new StringBuilder();
        new TreeSet<>(refs).forEach(ref -> text.append(ref.line()));
        return Digests.raw(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ child side

    /**
     * What this node believes its parent holds for it: plans awaiting a decision from above, less
     * those whose envelope is still on its way (the parent cannot have them yet).
     */
    @Transactional(readOnly = true)
    public List<PlanRef> expectedAtParent() {
        List<PlanRef> refs = new ArrayList<>(deliveries.awaitingDecision());
        refs.addAll(review.forwardedAwaitingDecision());
        var owed = outbox.owedPlanSubjects();
        return refs.stream().filter(ref -> !owed.contains(ref.line().strip())).toList();
    }

    /** Repairs what the parent's item-by-item answer shows, and never again takes a seq the parent holds. */
    @Transactional
    public Repair repair(List<PlanRef> sent, Answer answer) {
        outbox.neverBelow(answer.highestSeq());
        if (answer instanceof Answer.Match) {
            sent.stream().filter(this::own).forEach(ref -> deliveries.confirmed(ref.planId(), ref.revision()));
            return new Repair(0, (int) sent.stream().filter(this::own).count());
        }
        if (!(answer instanceof Answer.Compared compared)) {
            return new Repair(0, 0);
        }
        Set<PlanRef> unknown = new HashSet<>(compared.unknown());
        int again = 0;
        int confirmed = 0;
        for (PlanRef ref : sent) {
            if (unknown.contains(ref)) {
                boolean sentAgain = own(ref) ? deliveries.announceAgain(ref.planId(), ref.revision()) : review.forwardAgain(ref);
                if (sentAgain) {
                    again++;
                    conflicts.record(SyncConflicts.Kind.RECONCILED, ref.originNode(), null,
                            "The parent had no record of plan " + ref.planId() + " revision " + ref.revision()
                                    + "; announced again");
                }
            } else if (own(ref)) {
                deliveries.confirmed(ref.planId(), ref.revision());
                confirmed++;
            }
        }
        return new Repair(again, confirmed);
    }

    private boolean own(PlanRef ref) {
        return ref.originNode().equals(node.id());
    }

    // ------------------------------------------------------------------ parent side

    /** Compares the child's digest with what this node holds for the child's subtree. */
    @Transactional(readOnly = true)
    public Answer compareDigest(String child, byte[] digest) {
        long highest = receiving.highestSeq(child);
        return Arrays.equals(digest, digest(heldFor(child))) ? new Answer.Match(highest) : new Answer.SendRefs(highest);
    }

    /**
     * Compares the child's list item by item with what this node holds for the child's subtree; a
     * decided item's decision is queued again for its origin when the child has read past it in
     * this node's feed ({@code childCursor}) and so must have lost it.
     */
    @Transactional
    public Answer compare(String child, List<PlanRef> refs, long childCursor) {
        var inSubtree = subtreeOf(child);
        List<PlanRef> unknown = new ArrayList<>();
        List<PlanRef> decided = new ArrayList<>();
        for (PlanRef ref : refs) {
            if (!inSubtree.contains(ref.originNode())) {
                continue;
            }
            switch (review.holding(ref)) {
                case NONE -> unknown.add(ref);
                case DECIDED -> {
                    if (feed.queueAgain(ref.originNode(), ref.planId(), ref.revision(), childCursor)) {
                        decided.add(ref);
                    }
                }
                case AWAITING_DECISION -> { }
            }
        }
        var listed = new HashSet<>(refs);
        // Not recorded as a conflict: a plan submitted while the child's list was on its way is
        // expected to appear here; the child sees the list and logs it.
        List<PlanRef> unexpected = heldFor(child).stream().filter(ref -> !listed.contains(ref)).toList();
        return new Answer.Compared(unknown, decided, unexpected, receiving.highestSeq(child));
    }

    private List<PlanRef> heldFor(String child) {
        var inSubtree = subtreeOf(child);
        return review.awaitingDecision(inSubtree::contains);
    }

    private Set<String> subtreeOf(String child) {
        Set<String> nodes = new HashSet<>();
        nodes.add(child);
        subtree.findByViaChild(child).stream().map(SubtreeRow::nodeId).forEach(nodes::add);
        return nodes;
    }
}
