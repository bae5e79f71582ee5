package org.preconsult.signing.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A refused decision on the wire. */
@Serdeable
public record RejectedDecisionView(long id, @Nullable String decisionId, @Nullable String signerNode,
                                   @Nullable String keyId, String reason, String detail, Instant rejectedAt) {
}
