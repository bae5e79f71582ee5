package org.preconsult.signing.model;

import java.time.Instant;

/**
 * A received decision this node refused, kept for the operator. {@code decisionId} is null when
 * the decision was refused before its content could be trusted enough to read.
 */
public record RejectedDecision(long id, String decisionId, String signerNode, String keyId,
                               RejectionReason reason, String detail, Instant rejectedAt) {
}
