package org.preconsult.signing.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A refused decision on the wire. */
@Serdeable
public record RejectedDecisionView(long id, @Nullable String decisionId, @Nullable String signerNode,
                                   @Nullable String keyId, String reason, String detail, Instant rejectedAt) {

    /** A page of refused decisions, newest first, with how many there are in all. */
    @Serdeable
    public record Page(List<RejectedDecisionView> items, long total, int page, int size) {
    }
}
