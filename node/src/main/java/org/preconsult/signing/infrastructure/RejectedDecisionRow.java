package org.preconsult.signing.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code rejected_decision}. */
@MappedEntity("rejected_decision")
public record RejectedDecisionRow(
        @Id Long id,
        @Nullable String decisionId,
        @Nullable String signerNode,
        @Nullable String keyId,
        String reason,
        String detail,
        Instant rejectedAt) {
}
