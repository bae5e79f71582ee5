package org.preconsult.signing.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.signing.infrastructure.Ed25519;
import org.preconsult.signing.infrastructure.NodeKeys;
import org.preconsult.signing.infrastructure.TrustedKeyTable;
import org.preconsult.signing.model.NodeKeyInfo;
import org.preconsult.signing.model.RejectionReason;
import org.preconsult.signing.model.Signature;
import org.preconsult.signing.model.TrustResult;
import org.preconsult.signing.model.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public keys this node trusts: its own and those of other nodes, as they arrive down the tree.
 *
 * <p>Invariant: a (node id, key id) pair is pinned to the first bytes trusted for it. A later key
 * with the same pair and other bytes is refused and logged, never swapped in: otherwise whoever can
 * inject a key message could re-point a known key id at a key of their own.
 */
@Singleton
public class KeyRing {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);

    private final TrustedKeyTable table;
    private final NodeKeys own;
    private final AuditTrail audit;
    private final CurrentActor actor;

    public KeyRing(TrustedKeyTable table, NodeKeys own, AuditTrail audit, CurrentActor actor) {
        this.table = table;
        this.own = own;
        this.audit = audit;
        this.actor = actor;
    }

    /**
     * Trusts another node's public key. Idempotent: the same key again is {@code AlreadyTrusted}.
     * Joins the caller's transaction (the sync code applies a feed item and trusts its key in one).
     */
    @Transactional
    public TrustResult trust(NodeKeyInfo key) {
        if (key.nodeId().equals(own.nodeId())) {
            // Our own keys come only from our key directory; a message cannot add one.
            return own.publicKeys().stream().anyMatch(k -> k.sameKeyAs(key))
                    ? new TrustResult.AlreadyTrusted(key)
                    : refuse(key, "Key " + key.keyId() + " claims to be a key of this node but is not one of its own keys.");
        }
        Optional<String> unusable = unusable(key);
        if (unusable.isPresent()) {
            return refuse(key, unusable.get());
        }
        if (table.insertIfAbsent(key, Instant.now())) {
            audit.record(actor.current(), "trusted_key", key.nodeId() + "/" + key.keyId(), "TRUSTED", null,
                    Map.of("nodeId", key.nodeId(), "keyId", key.keyId(), "algorithm", key.algorithm()));
            LOG.info("Trusted key {} of node {}", key.keyId(), key.nodeId());
            return new TrustResult.Added(key);
        }
        NodeKeyInfo existing = table.find(key.nodeId(), key.keyId()).orElseThrow();
        if (existing.sameKeyAs(key)) {
            return new TrustResult.AlreadyTrusted(existing);
        }
        return refuse(key, "Key " + key.keyId() + " of node " + key.nodeId()
                + " is already trusted with other bytes; a key id is never re-pointed.");
    }

    /** Puts this node's own public keys in the ring (at start and after rotation); idempotent. */
    @Transactional
    public void trustOwnKeys() {
        for (NodeKeyInfo key : own.publicKeys()) {
            if (table.insertIfAbsent(key, Instant.now())) {
                audit.record(CurrentActor.SYSTEM, "trusted_key", key.nodeId() + "/" + key.keyId(), "TRUSTED_OWN", null,
                        Map.of("nodeId", key.nodeId(), "keyId", key.keyId(), "algorithm", key.algorithm()));
            }
        }
    }

    @Transactional(readOnly = true)
    public Optional<NodeKeyInfo> find(String nodeId, String keyId) {
        if (nodeId.equals(own.nodeId())) {
            // Own keys are answered from the key directory so that a key is usable the moment it exists.
            return own.publicKeys().stream().filter(k -> k.keyId().equals(keyId)).findFirst();
        }
        return table.find(nodeId, keyId);
    }

    /** Every trusted key, own ones included: what a parent sends down to its children. */
    @Transactional(readOnly = true)
    public List<NodeKeyInfo> all() {
        return table.all();
    }

    /**
     * Checks that {@code signature} was made over exactly {@code content} by a key that the ring
     * holds for the node the signature names. Verified carries the untouched content bytes.
     */
    @Transactional(readOnly = true)
    public Verification<byte[]> checkSignature(byte[] content, Signature signature) {
        if (!Ed25519.ALGORITHM.equals(signature.algorithm())) {
            return Verification.rejected(RejectionReason.MALFORMED,
                    "Signature algorithm '" + signature.algorithm() + "' is not supported; nodes sign with Ed25519.");
        }
        Optional<NodeKeyInfo> key = find(signature.signerNode(), signature.keyId());
        if (key.isEmpty()) {
            return Verification.rejected(RejectionReason.UNKNOWN_KEY,
                    "No trusted key " + signature.keyId() + " for node " + signature.signerNode() + ".");
        }
        if (!key.get().algorithm().equals(signature.algorithm())
                || !Ed25519.verify(key.get().publicKey(), content, signature.bytes())) {
            return Verification.rejected(RejectionReason.BAD_SIGNATURE,
                    "The signature does not match the content under key " + signature.keyId() + ": it was altered or forged.");
        }
        return new Verification.Verified<>(content, signature.keyId());
    }

    private static Optional<String> unusable(NodeKeyInfo key) {
        if (!Ed25519.ALGORITHM.equals(key.algorithm())) {
            return Optional.of("Key " + key.keyId() + " of node " + key.nodeId() + " uses '" + key.algorithm()
                    + "'; only Ed25519 keys are trusted.");
        }
        if (key.keyId().isBlank() || key.nodeId().isBlank()) {
            return Optional.of("A key without node id or key id cannot be trusted.");
        }
        try {
            Ed25519.publicKey(key.publicKey());
            return Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.of("Key " + key.keyId() + " of node " + key.nodeId() + " is not a valid Ed25519 public key.");
        }
    }

    private static TrustResult refuse(NodeKeyInfo key, String message) {
        LOG.warn("Refused key {} of node {}: {}", key.keyId(), key.nodeId(), message);
        return new TrustResult.Refused(key, message);
    }
}
