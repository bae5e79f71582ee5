package org.preconsult.sync.application;

import java.util.Optional;
import org.preconsult.federation.model.AdoptionMessage;

/**
 * Envelopes addressed to one node (adoption messages between governments): what the dispatch
 * hands on when one arrives from a child or from the parent's feed. Each method runs in the
 * transaction that records the envelope or advances the cursor, and answers why the envelope must
 * be refused, if it must. Implemented at the wire edge, which verifies the origin's seal.
 */
public interface AddressedEnvelopes {

    /**
     * At a parent, an addressed envelope a child pushed (its origin's seal already checked): applied
     * here when addressed to this node, passed down when the addressee is in this node's subtree,
     * passed up otherwise.
     */
    Optional<String> fromChild(WireEnvelope envelope, AdoptionMessage message);

    /**
     * At a child, an addressed envelope from the parent's feed, as its origin sealed it: the seal
     * verified, then applied here when addressed to this node, or passed down toward the addressee.
     */
    Optional<String> fromParent(String address, byte[] sealedEnvelope);
}
