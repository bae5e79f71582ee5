package org.preconsult.trust.infrastructure;

import com.google.protobuf.ByteString;
import jakarta.inject.Singleton;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.node.NodeSettings;
import org.preconsult.trust.application.EnrolledChildren;
import org.preconsult.trust.application.NodeCertificate;
import org.preconsult.trust.application.TrustSettings;
import org.preconsult.trust.model.OriginCheck;

/**
 * Origin signatures on envelopes. The origin seals each of its own envelopes with its node key and
 * attaches its certificate chain (without the root, which every node holds); every receiver checks,
 * before anything else, that the chain leads to the root, that it names the envelope's origin, that
 * the node which delivered the envelope is the origin or one of the origin's certificate authorities
 * (so the origin is in its subtree), and that the signature covers the envelope as received. A relay
 * passes the seal on untouched: it can neither invent an envelope of a descendant nor alter one.
 *
 * <p>What is signed: the envelope serialized with the seal fields (origin_chain, origin_signature)
 * cleared. Protobuf-java writes known fields in field-number order, and a relay re-serializes the
 * message it parsed, so the bytes are the same at every hop.
 */
@Singleton
public class OriginSeals {

    private final NodeCertificate own;
    private final NodeSettings node;
    private final TrustSettings settings;
    private final Clock clock;
    private final EnrolledChildren children;
    /** Leaf fingerprint -> until when its validated chain may be believed without validating again. */
    private final Map<String, Instant> validated = new ConcurrentHashMap<>();

    OriginSeals(NodeCertificate own, NodeSettings node, TrustSettings settings, Clock clock, EnrolledChildren children) {
        this.children = children;
        this.own = own;
        this.node = node;
        this.settings = settings;
        this.clock = clock;
    }

    /** Seals an envelope of this node (one of a descendant keeps its origin's seal and is returned as is). */
    public Envelope seal(Envelope envelope) {
        if (!envelope.getOriginNode().equals(node.id())) {
            return envelope;
        }
        var held = own.require();
        var unsigned = envelope.toBuilder().clearOriginChain().clearOriginSignature().build();
        var sealed = unsigned.toBuilder()
                .setOriginSignature(ByteString.copyFrom(Pki.sign(held.key(), unsigned.toByteArray())));
        for (X509Certificate c : held.chain().subList(0, held.chain().size() - 1)) {
            sealed.addOriginChain(ByteString.copyFrom(Pki.der(c)));
        }
        return sealed.build();
    }

    /** Whether the envelope is authentic and the sender may deliver it, and if not, why not. */
    public OriginCheck check(String sender, Envelope envelope) {
        return check(sender, envelope, true);
    }

    /**
     * Whether an envelope that came down from the parent's feed (an addressed envelope, relayed by
     * the nodes between) is authentic: every check of {@link #check} but the sender's, since a
     * relay above is not in the origin's chain.
     */
    public OriginCheck checkRelayed(Envelope envelope) {
        return check(null, envelope, false);
    }

    private OriginCheck check(String sender, Envelope envelope, boolean fromSender) {
        int size = envelope.getSerializedSize();
        if (size > settings.maxEnvelopeBytes()) {
            return new OriginCheck.Refused("the envelope has " + size + " bytes; at most " + settings.maxEnvelopeBytes()
                    + " are accepted");
        }
        if (envelope.getOriginChainCount() == 0 || envelope.getOriginSignature().isEmpty()) {
            return new OriginCheck.Refused("the envelope is not signed by its origin");
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            for (ByteString der : envelope.getOriginChainList()) {
                chain.add(Pki.certificate(der.toByteArray()));
            }
        } catch (IllegalArgumentException e) {
            return new OriginCheck.Refused("unreadable origin certificate: " + e.getMessage());
        }
        var leaf = chain.get(0);
        var identity = Pki.identity(leaf).orElse(null);
        if (identity == null || !identity.nodeId().equals(envelope.getOriginNode())) {
            return new OriginCheck.Refused("the envelope claims origin " + envelope.getOriginNode() + " but is signed by "
                    + (identity == null ? "a certificate that names no node" : identity.nodeId()));
        }
        var now = clock.instant();
        String fingerprint = Pki.fingerprint(leaf);
        var until = validated.get(fingerprint);
        if (until == null || !now.isBefore(until)) {
            try {
                Pki.validate(chain, own.require().root(), now);
            } catch (CertificateException e) {
                return new OriginCheck.Refused("the origin's certificate chain does not lead to the federation root: "
                        + e.getMessage());
            }
            var notAfter = leaf.getNotAfter().toInstant();
            var recheck = now.plusSeconds(300);
            validated.put(fingerprint, notAfter.isBefore(recheck) ? notAfter : recheck);
        }
        for (X509Certificate c : chain) {
            var named = Pki.identity(c).map(i -> i.nodeId()).orElse("");
            if (children.revoked(named)) {
                return new OriginCheck.Refused("the origin's certificate chain holds " + named + ", whose enrolment was revoked");
            }
        }
        if (fromSender && !sender.equals(identity.nodeId()) && chain.stream().skip(1)
                .noneMatch(c -> Pki.identity(c).map(i -> i.nodeId().equals(sender)).orElse(false))) {
            return new OriginCheck.Refused(identity.nodeId() + " is not in the subtree of " + sender
                    + ", which may deliver only its own envelopes and its descendants'");
        }
        var unsigned = envelope.toBuilder().clearOriginChain().clearOriginSignature().build();
        if (!Pki.verify(leaf.getPublicKey(), unsigned.toByteArray(), envelope.getOriginSignature().toByteArray())) {
            return new OriginCheck.Refused("the origin's signature does not match the envelope's content");
        }
        return new OriginCheck.Authentic(identity);
    }
}
