package org.preconsult.trust.infrastructure;

import com.google.protobuf.ByteString;
import jakarta.inject.Singleton;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.preconsult.federation.v1.NodeKey;
import org.preconsult.node.NodeSettings;
import org.preconsult.trust.application.NodeCertificate;

/**
 * Binds decision-signing keys to the federation's certificates. A node seals each public signing
 * key it publishes with its certificate key and attaches its chain; a receiver trusts a key only if
 * the chain leads to the root, names the node the key claims to belong to, and the seal covers the
 * key as received. A key introduced by a relay, or by anyone without that node's certificate key,
 * is refused.
 *
 * <p>What is sealed: the NodeKey serialized with fields owner_chain and owner_signature cleared.
 */
@Singleton
public class KeySeals {

    private final NodeCertificate own;
    private final NodeSettings node;
    private final Clock clock;

    KeySeals(NodeCertificate own, NodeSettings node, Clock clock) {
        this.own = own;
        this.node = node;
        this.clock = clock;
    }

    /** Whether this node holds a certificate to seal its keys with (not before it has enrolled). */
    public boolean canSeal() {
        return own.enrolled();
    }

    /** Seals one of this node's own keys for publication. */
    public NodeKey seal(NodeKey key) {
        if (!key.getNodeId().equals(node.id())) {
            throw new IllegalArgumentException("a node seals only its own keys, not " + key.getNodeId() + "'s");
        }
        var held = own.require();
        var unsealed = key.toBuilder().clearOwnerChain().clearOwnerSignature().build();
        var sealed = unsealed.toBuilder().setOwnerSignature(ByteString.copyFrom(Pki.sign(held.key(), unsealed.toByteArray())));
        for (X509Certificate c : held.chain().subList(0, held.chain().size() - 1)) {
            sealed.addOwnerChain(ByteString.copyFrom(Pki.der(c)));
        }
        return sealed.build();
    }

    /** Why the key must not be trusted, or empty when its owner's certificate vouches for it. */
    public Optional<String> refusal(NodeKey key) {
        if (key.getOwnerChainCount() == 0 || key.getOwnerSignature().isEmpty()) {
            return Optional.of("key " + key.getKeyId() + " of " + key.getNodeId() + " is not sealed by its node's certificate");
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            for (ByteString der : key.getOwnerChainList()) {
                chain.add(Pki.certificate(der.toByteArray()));
            }
            Pki.validate(chain, own.require().root(), clock.instant());
        } catch (IllegalArgumentException | CertificateException e) {
            return Optional.of("key " + key.getKeyId() + " of " + key.getNodeId()
                    + " is sealed by a chain that does not lead to the federation root: " + e.getMessage());
        }
        var identity = Pki.identity(chain.get(0)).orElse(null);
        if (identity == null || !identity.nodeId().equals(key.getNodeId())) {
            return Optional.of("key " + key.getKeyId() + " claims to belong to " + key.getNodeId() + " but is sealed by "
                    + (identity == null ? "a certificate that names no node" : identity.nodeId()));
        }
        var unsealed = key.toBuilder().clearOwnerChain().clearOwnerSignature().build();
        if (!Pki.verify(chain.get(0).getPublicKey(), unsealed.toByteArray(), key.getOwnerSignature().toByteArray())) {
            return Optional.of("the seal of key " + key.getKeyId() + " of " + key.getNodeId() + " does not match the key");
        }
        return Optional.empty();
    }
}
