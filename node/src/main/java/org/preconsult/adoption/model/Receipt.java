package org.preconsult.adoption.model;

/** How the addressee took an adoption message. */
public sealed interface Receipt permits Receipt.Applied, Receipt.AlreadyApplied, Receipt.Refused {

    /** Applied now. */
    record Applied(String messageId) implements Receipt {
    }

    /** This message id was applied before: nothing changed. */
    record AlreadyApplied(String messageId) implements Receipt {
    }

    /** Not applied; {@code reason} is recorded for the operator. */
    record Refused(String reason) implements Receipt {
    }
}
