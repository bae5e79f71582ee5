package org.preconsult.signing.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The public part of a node's signing key, as the key ring keeps it and as it travels down the
 * tree. {@code publicKey} is the X.509 (SubjectPublicKeyInfo) DER encoding.
 *
 * <p>Invariant: {@code (nodeId, keyId)} names exactly one key for ever; a key ring refuses the same
 * pair with other bytes.
 */
public record NodeKeyInfo(String nodeId, String keyId, String algorithm, byte[] publicKey, Instant createdAt) {

    public NodeKeyInfo {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(createdAt, "createdAt");
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Whether the other key has the same name and algorithm and exactly the same bytes. */
    public boolean sameKeyAs(NodeKeyInfo other) {
        return nodeId.equals(other.nodeId) && keyId.equals(other.keyId) && algorithm.equals(other.algorithm)
                && Arrays.equals(publicKey, other.publicKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeKeyInfo k && sameKeyAs(k) && createdAt.equals(k.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeId, keyId, algorithm, Arrays.hashCode(publicKey), createdAt);
    }

    @Override
    public String toString() {
        return "NodeKeyInfo[" + nodeId + ", " + keyId + ", " + algorithm + ", created " + createdAt + "]";
    }
}
