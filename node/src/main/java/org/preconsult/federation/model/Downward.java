package org.preconsult.federation.model;

/**
 * What a node offers its children in its feed: the closed set of downward messages. Every handler
 * is a {@link Visitor}, so a new message type does not compile until each handler (the wire codec,
 * the child's dispatch) says what to do with it. Keys and decisions travel as their signer sealed
 * them, byte for byte: only the signing and decision features read inside.
 */
public sealed interface Downward permits Downward.EntryPublished, Downward.KeyPublished,
        Downward.DecisionAddressed, Downward.PracticeMarked, Downward.EnvelopeAddressed, Downward.WaiverAddressed {

    /** Hands this message to the visitor's method for its type. */
    <R> R accept(Visitor<R> visitor);

    /** One method per downward message type. */
    interface Visitor<R> {
        R entryPublished(EntryPublished message);

        R keyPublished(KeyPublished message);

        R decisionAddressed(DecisionAddressed message);

        R practiceMarked(PracticeMarked message);

        R envelopeAddressed(EnvelopeAddressed message);

        R waiverAddressed(WaiverAddressed message);
    }

    /** A catalogue entry (or its tombstone), for the whole subtree. */
    record EntryPublished(EntrySummary entry) implements Downward {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.entryPublished(this);
        }
    }

    /** A node's public signing key, sealed by its certificate, for the whole subtree. */
    record KeyPublished(byte[] sealedKey) implements Downward {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.keyPublished(this);
        }
    }

    /** A signed decision on a plan revision, addressed to the plan's origin ({@code address}). */
    record DecisionAddressed(String address, byte[] signedDecision) implements Downward {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.decisionAddressed(this);
        }
    }

    /**
     * A condition's waiver signed by the node that imposed the condition, addressed to the plan's
     * owner ({@code address}) and relayed toward it like a decision.
     */
    record WaiverAddressed(String address, byte[] signedWaiver) implements Downward {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.waiverAddressed(this);
        }
    }

    /** A best-practice mark (or its withdrawal), for the whole subtree. */
    record PracticeMarked(PracticeMark mark) implements Downward {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.practiceMarked(this);
        }
    }

    /**
     * An envelope of another node addressed to {@code address} (an adoption message), byte for byte
     * as its origin sealed it, passed down from the common ancestor toward the addressee.
     */
    record EnvelopeAddressed(String address, byte[] sealedEnvelope) implements Downward {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.envelopeAddressed(this);
        }
    }
}
