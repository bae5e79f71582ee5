package org.preconsult.trust.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.node.NodeRole;
import org.preconsult.node.NodeSettings;
import org.preconsult.trust.infrastructure.Pki;
import org.preconsult.trust.infrastructure.TrustRepositories.EnrolmentTokenRows;
import org.preconsult.trust.infrastructure.TrustRows.EnrolmentTokenRow;
import org.preconsult.trust.model.ChildRoles;
import org.preconsult.trust.model.EnrolmentToken;

/**
 * Issues one-time enrolment tokens: the operator names the child (node id and role) that may join
 * under this node, and hands the token and the root fingerprint to that government out of band.
 * Only the token's SHA-256 is stored; an issued token appears once, in the answer.
 */
@Singleton
public class EnrolmentTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The outcome of asking for a token. */
    public sealed interface Issue {
        /** The token to hand over, with what the child needs besides it. */
        record Issued(String token, String nodeId, NodeRole role, Instant expiresAt, String rootFingerprint,
                      String parentNodeId) implements Issue {
        }

        record Refused(String reason) implements Issue {
        }
    }

    private final EnrolmentTokenRows rows;
    private final NodeCertificate own;
    private final NodeSettings node;
    private final TrustSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    EnrolmentTokens(EnrolmentTokenRows rows, NodeCertificate own, NodeSettings node, TrustSettings settings,
                    AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.own = own;
        this.node = node;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Issue issue(String childId, NodeRole childRole, String actor) {
        var held = own.current().orElse(null);
        if (held == null) {
            return new Issue.Refused("this node has not enrolled with its parent yet, so it cannot enrol children");
        }
        if (!ChildRoles.mayEnrol(node.role(), childRole)) {
            return new Issue.Refused("a " + node.role() + " node cannot enrol a " + childRole + " node");
        }
        if (childId.equals(node.id())) {
            return new Issue.Refused("a node cannot enrol itself");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        var now = clock.instant();
        var row = new EnrolmentTokenRow(hash(token), childId, childRole.name(), actor, now, now.plus(settings.tokenValidity()), null);
        rows.save(row);
        audit.record(actor, "ENROLMENT_TOKEN", row.tokenHash().substring(0, 16), "ISSUED", null,
                Map.of("nodeId", childId, "role", childRole.name(), "expiresAt", row.expiresAt().toString()));
        return new Issue.Issued(token, childId, childRole, row.expiresAt(), Pki.fingerprint(held.root()), node.id());
    }

    /** The token a hash was stored for, if any (the token itself is never stored). */
    @Transactional(readOnly = true)
    public java.util.Optional<EnrolmentToken> find(String token) {
        return rows.findById(hash(token)).map(EnrolmentTokens::model);
    }

    @Transactional(propagation = io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY)
    public void markUsed(EnrolmentToken token) {
        var used = token.used(clock.instant());
        rows.update(new EnrolmentTokenRow(used.tokenHash(), used.nodeId(), used.role().name(), used.issuedBy(),
                used.issuedAt(), used.expiresAt(), used.usedAt()));
    }

    private static EnrolmentToken model(EnrolmentTokenRow r) {
        return new EnrolmentToken(r.tokenHash(), r.nodeId(), NodeRole.valueOf(r.role()), r.issuedBy(), r.issuedAt(),
                r.expiresAt(), r.usedAt());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
