package org.preconsult.lifecycle.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code plan_record}: one plan's record after review, at this node. */
@MappedEntity("plan_record")
public record PlanRecordRow(
        @Id String id,
        String ownerNode,
        String planId,
        @Nullable String ownerName,
        String title,
        @Nullable BigDecimal budget,
        String stage,
        @Nullable Instant submittedAt,
        @Nullable Instant approvedAt,
        @Nullable LocalDate kickoffOn,
        @Nullable LocalDate goLiveOn,
        @Nullable String cancelReason,
        @Nullable String systemId,
        Instant lastUpdateAt,
        long version,
        Instant receivedAt) {
}
