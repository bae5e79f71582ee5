package org.preconsult.signing.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A signature made by {@code signerNode} with its key {@code keyId}. The bytes are copied in and
 * out so that no holder can alter a signature another holder relies on.
 */
public record Signature(String signerNode, String keyId, String algorithm, byte[] bytes) {

    public Signature {
        Objects.requireNonNull(signerNode, "signerNode");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && signerNode.equals(s.signerNode) && keyId.equals(s.keyId)
                && algorithm.equals(s.algorithm) && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(signerNode, keyId, algorithm, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "Signature[" + signerNode + ", " + keyId + ", " + algorithm + ", " + bytes.length + " bytes]";
    }
}
