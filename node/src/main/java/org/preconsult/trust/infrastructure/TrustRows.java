package org.preconsult.trust.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Rows of the trust tables. */
public final class TrustRows {

    private TrustRows() {
    }

    @MappedEntity("enrolment_token")
    public record EnrolmentTokenRow(@Id String tokenHash, String nodeId, String role, String issuedBy, Instant issuedAt,
                                    Instant expiresAt, @Nullable Instant usedAt) {
    }

    @MappedEntity("enrolled_child")
    public record EnrolledChildRow(@Id String nodeId, String role, String fingerprint, String serial, Instant notAfter,
                                   Instant enrolledAt, @Nullable Instant renewedAt, @Nullable Instant revokedAt,
                                   @Nullable String revokedReason) {
    }

    @MappedEntity("trust_refusal")
    public record TrustRefusalRow(@Id @GeneratedValue @Nullable Long id, Instant occurredAt, String peer, String what,
                                  String reason) {
    }
}
