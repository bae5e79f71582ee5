package org.preconsult.trust.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.node.NodeSettings;
import org.preconsult.trust.infrastructure.Pki;
import org.preconsult.trust.infrastructure.TrustRows.EnrolledChildRow;
import org.preconsult.trust.model.Enrolment;
import org.preconsult.trust.model.EnrolmentToken.TokenCheck;
import org.preconsult.trust.model.NodeIdentity;

/**
 * The parent's side of enrolment: a child presents a one-time token and a certificate request over
 * a key it generated itself; this node, the child's certificate authority, issues a certificate
 * naming the child's node id and the role the operator chose for it, and this node as its parent.
 * The token is spent in the same transaction; every enrolment, and every refusal, is recorded.
 */
@Singleton
public class EnrollingChildren {

    private final EnrolmentTokens tokens;
    private final EnrolledChildren children;
    private final NodeCertificate own;
    private final NodeSettings node;
    private final TrustSettings settings;
    private final TrustRefusals refusals;
    private final Clock clock;

    EnrollingChildren(EnrolmentTokens tokens, EnrolledChildren children, NodeCertificate own, NodeSettings node,
                      TrustSettings settings, TrustRefusals refusals, Clock clock) {
        this.tokens = tokens;
        this.children = children;
        this.own = own;
        this.node = node;
        this.settings = settings;
        this.refusals = refusals;
        this.clock = clock;
    }

    @Transactional
    public Enrolment enrol(String token, String childId, byte[] csr, String address) {
        var outcome = tryEnrol(token, childId, csr);
        if (outcome instanceof Enrolment.Refused refused) {
            refusals.record((childId.isBlank() ? "?" : childId) + " at " + address, "ENROLMENT", refused.reason());
        }
        return outcome;
    }

    /**
     * Renews an enrolled child's certificate for a new key it made: same identity, new validity.
     * The caller is authenticated by its current certificate, which this node issued.
     */
    @Transactional
    public Enrolment renew(NodeIdentity caller, byte[] csr) {
        var held = own.current().orElse(null);
        if (held == null || !held.identity().mayIssue()) {
            return new Enrolment.Refused(node.id() + " cannot renew certificates");
        }
        var row = children.find(caller.nodeId()).orElse(null);
        if (row == null || row.revokedAt() != null) {
            return new Enrolment.Refused(caller.nodeId() + " is not enrolled here, or its enrolment was revoked");
        }
        java.security.PublicKey key;
        try {
            key = Pki.verifiedCsrKey(csr);
        } catch (IllegalArgumentException e) {
            return new Enrolment.Refused(e.getMessage());
        }
        var identity = new NodeIdentity(caller.nodeId(), caller.role(), node.id());
        var now = clock.instant();
        var certificate = Pki.issue(held.leaf(), held.key(), key, identity, now, settings.certificateValidity());
        children.issued(new EnrolledChildRow(identity.nodeId(), identity.role().name(), Pki.fingerprint(certificate),
                certificate.getSerialNumber().toString(16), certificate.getNotAfter().toInstant(), row.enrolledAt(), now,
                null, null), CurrentActor.federation(identity.nodeId()), true);
        List<byte[]> chain = new ArrayList<>();
        chain.add(Pki.der(certificate));
        held.chain().forEach(c -> chain.add(Pki.der(c)));
        return new Enrolment.Enrolled(identity, chain);
    }

    private Enrolment tryEnrol(String token, String childId, byte[] csr) {
        var held = own.current().orElse(null);
        if (held == null || !held.identity().mayIssue()) {
            return new Enrolment.Refused(node.id() + " cannot enrol children");
        }
        var found = token.isBlank() ? java.util.Optional.<org.preconsult.trust.model.EnrolmentToken>empty() : tokens.find(token);
        if (found.isEmpty()) {
            return new Enrolment.Refused("unknown enrolment token");
        }
        var check = found.get().check(childId, clock.instant());
        if (check instanceof TokenCheck.Refused no) {
            return new Enrolment.Refused(no.reason());
        }
        var valid = (TokenCheck.Valid) check;
        java.security.PublicKey key;
        try {
            key = Pki.verifiedCsrKey(csr);
        } catch (IllegalArgumentException e) {
            return new Enrolment.Refused(e.getMessage());
        }
        var identity = new NodeIdentity(valid.nodeId(), valid.role(), node.id());
        var now = clock.instant();
        var certificate = Pki.issue(held.leaf(), held.key(), key, identity, now, settings.certificateValidity());
        tokens.markUsed(found.get());
        children.issued(new EnrolledChildRow(identity.nodeId(), identity.role().name(), Pki.fingerprint(certificate),
                certificate.getSerialNumber().toString(16), certificate.getNotAfter().toInstant(), now, null, null, null),
                CurrentActor.federation(identity.nodeId()), false);
        List<byte[]> chain = new ArrayList<>();
        chain.add(Pki.der(certificate));
        held.chain().forEach(c -> chain.add(Pki.der(c)));
        return new Enrolment.Enrolled(identity, chain);
    }
}
