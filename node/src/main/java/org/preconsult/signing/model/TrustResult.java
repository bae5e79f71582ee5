package org.preconsult.signing.model;

/** What the key ring did with a public key it was offered. */
public sealed interface TrustResult permits TrustResult.Added, TrustResult.AlreadyTrusted, TrustResult.Refused {

    /** The key is new and now trusted. */
    record Added(NodeKeyInfo key) implements TrustResult {
    }

    /** The very same key was trusted already; nothing changed (keys are re-sent freely). */
    record AlreadyTrusted(NodeKeyInfo key) implements TrustResult {
    }

    /** The key was not trusted; {@code message} says why. */
    record Refused(NodeKeyInfo key, String message) implements TrustResult {
    }
}
