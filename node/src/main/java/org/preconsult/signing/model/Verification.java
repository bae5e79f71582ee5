package org.preconsult.signing.model;

/**
 * The outcome of checking something signed: either its verified content and the key that signed
 * it, or the rule it broke.
 *
 * @param <T> what the verified content is (bytes before parsing, a parsed decision after)
 */
public sealed interface Verification<T> permits Verification.Verified, Verification.Rejected {

    /** The content was signed by {@code keyId} and passed every rule. */
    record Verified<T>(T content, String keyId) implements Verification<T> {
    }

    /** The content broke the rule named by {@code reason}; {@code message} says how, for a person. */
    record Rejected<T>(RejectionReason reason, String message) implements Verification<T> {

        /** The same rejection for another content type, for passing a failed step's outcome on. */
        public <U> Rejected<U> retyped() {
            return new Rejected<>(reason, message);
        }
    }

    static <T> Rejected<T> rejected(RejectionReason reason, String message) {
        return new Rejected<>(reason, message);
    }
}
