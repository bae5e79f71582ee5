package org.preconsult.adoption.infrastructure;

import java.util.Optional;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.FeedItem;

/**
 * What the federation's dispatch hands to the adoption feature: addressed adoption envelopes, from
 * below (pushed by a child) and from above (an addressed item of the parent's feed). Each method
 * runs in the transaction that records the envelope or advances the cursor, and answers why the
 * envelope must be refused, if it must.
 */
public interface AdoptionRoute {

    /**
     * At a parent, an adoption envelope a child pushed (its origin's seal already checked): applied
     * here when addressed to this node, passed down when the addressee is in this node's subtree,
     * passed up otherwise.
     */
    Optional<String> fromChild(Envelope envelope);

    /**
     * At a child, an addressed envelope from the parent's feed: the origin's seal verified, then
     * applied here when addressed to this node, or passed down toward the addressee.
     */
    Optional<String> fromParent(FeedItem item);
}
