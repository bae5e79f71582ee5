package org.preconsult.federation.application;

import org.preconsult.federation.model.EntrySummary;
import org.preconsult.federation.model.PracticeMark;

/**
 * The way down: what this node offers its children to pull. Implemented by the sync feature's
 * feed; every call joins the caller's transaction.
 */
public interface Downstream {

    /** Offers a catalogue entry (or its tombstone) to the whole subtree. */
    void broadcast(EntrySummary entry);

    /** Offers a best-practice mark (or its withdrawal) to the whole subtree. */
    void broadcast(PracticeMark mark);

    /**
     * Queues a signed decision on a plan revision for the node it is addressed to (relayed by the
     * nodes between). {@code signedDecision} is the decision as its signer sealed it, byte for byte.
     */
    void address(String nodeId, String planId, int planRevision, byte[] signedDecision);

    /** Whether this very signed decision is already queued for the node (a relay re-reading its parent's feed). */
    boolean holds(String nodeId, byte[] signedDecision);

    /**
     * Queues a condition's signed waiver for the plan's owner (relayed by the nodes between),
     * byte for byte as its deciding node sealed it.
     */
    void addressWaiver(String nodeId, String conditionId, byte[] signedWaiver);

    /** Whether this very signed waiver is already queued for the node (a relay re-reading its parent's feed). */
    boolean holdsWaiver(String nodeId, byte[] signedWaiver);
}
