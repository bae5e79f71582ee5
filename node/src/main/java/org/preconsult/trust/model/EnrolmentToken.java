package org.preconsult.trust.model;

import java.time.Instant;
import org.preconsult.node.NodeRole;

/**
 * A one-time permission, issued by an operator, for one named node to join as a child of this
 * node. Only the token's hash is stored; the token itself is shown once to the operator.
 */
public record EnrolmentToken(String tokenHash, String nodeId, NodeRole role, String issuedBy, Instant issuedAt,
                             Instant expiresAt, Instant usedAt) {

    /** Whether the token lets {@code presentedNodeId} enrol at {@code now}, and why not. */
    public TokenCheck check(String presentedNodeId, Instant now) {
        if (usedAt != null) {
            return new TokenCheck.Refused("the enrolment token was already used at " + usedAt);
        }
        if (!now.isBefore(expiresAt)) {
            return new TokenCheck.Refused("the enrolment token expired at " + expiresAt);
        }
        if (!nodeId.equals(presentedNodeId)) {
            return new TokenCheck.Refused("the enrolment token was issued for " + nodeId + ", not for " + presentedNodeId);
        }
        return new TokenCheck.Valid(nodeId, role);
    }

    public EnrolmentToken used(Instant at) {
        return new EnrolmentToken(tokenHash, nodeId, role, issuedBy, issuedAt, expiresAt, at);
    }

    /** The outcome of presenting a token. */
    public sealed interface TokenCheck {
        record Valid(String nodeId, NodeRole role) implements TokenCheck {
        }

        record Refused(String reason) implements TokenCheck {
        }
    }
}
