package org.preconsult.lifecycle.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.LocalDate;

/** A row of {@code plan_record_deliverable}: one deliverable's metadata of a recorded plan. */
@MappedEntity("plan_record_deliverable")
public record PlanRecordDeliverableRow(
        @EmbeddedId Key key,
        String title,
        LocalDate deliveredOn,
        long sizeBytes,
        String checksum,
        @Nullable String link) {

    @Embeddable
    public record Key(@MappedProperty("record_id") String recordId, @MappedProperty("kind") String kind) {
    }
}
