package org.preconsult.lifecycle.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.LocalDate;

/** A row of {@code plan_record_condition}: one condition of a recorded plan and its status at the owner. */
@MappedEntity("plan_record_condition")
public record PlanRecordConditionRow(
        @EmbeddedId Key key,
        @Nullable String decisionId,
        @Nullable String decidingNode,
        LocalDate dueOn,
        String status,
        @Nullable String entryId) {

    @Embeddable
    public record Key(@MappedProperty("record_id") String recordId,
                      @MappedProperty("condition_id") String conditionId) {
    }
}
