package org.preconsult.lifecycle.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code plan_record_decision}: one decision on one revision of a recorded plan. */
@MappedEntity("plan_record_decision")
public record PlanRecordDecisionRow(
        @EmbeddedId Key key,
        String outcome,
        @Nullable BigDecimal budget,
        @Nullable Instant submittedAt,
        Instant decidedAt,
        @Nullable String decidingNode) {

    @Embeddable
    public record Key(@MappedProperty("record_id") String recordId, @MappedProperty("revision") int revision) {
    }
}
