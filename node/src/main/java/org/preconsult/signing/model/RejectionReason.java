package org.preconsult.signing.model;

/** Why a received decision was not accepted. Each value names the rule the decision broke. */
public enum RejectionReason {
    /** The signing key is not in this node's key ring for the node that claims to have signed. */
    UNKNOWN_KEY,
    /** The signature does not match the exact content bytes under the named key: altered or forged. */
    BAD_SIGNATURE,
    /** A field is missing, the algorithm is not supported, or the content does not parse. */
    MALFORMED,
    /** The decision is for a plan of another node; applying it here would touch the wrong plan. */
    MISADDRESSED,
    /** This decision id was applied at this node already. */
    REPLAYED,
    /** The signer is not the node that the content names as the deciding node. */
    SIGNER_MISMATCH,
    /** Another decision (with another id) for the same plan revision was applied at this node already. */
    CONFLICTING_DECISION
}
