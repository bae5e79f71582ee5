package org.preconsult.sync.application;

/** How this node took one envelope pushed by a child; the gRPC adapter turns it into the acknowledgement. */
public sealed interface Receipt {

    Receipt ACCEPTED = new Accepted();
    Receipt DUPLICATE = new Duplicate();

    /** Applied now. */
    record Accepted() implements Receipt {
    }

    /** The same envelope was taken before; nothing changed. */
    record Duplicate() implements Receipt {
    }

    /** Recorded as refused, with the reason both operators see; the child must not send it again. */
    record Rejected(String reason) implements Receipt {
    }

    /**
     * The envelope's (origin, seq) is already taken by other content: recorded as a conflict, not
     * applied, and the origin announces it again above {@code highestSeq}.
     */
    record Conflict(String reason, long highestSeq) implements Receipt {
    }
}
