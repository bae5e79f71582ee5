package org.preconsult.trust.model;

/**
 * The outcome of checking that an envelope really comes from its origin and that the node which
 * delivered it may speak for that origin.
 */
public sealed interface OriginCheck {

    /** The origin signed it, its chain leads to the root, and it lies in the sender's subtree. */
    record Authentic(NodeIdentity origin) implements OriginCheck {
    }

    record Refused(String reason) implements OriginCheck {
    }
}
