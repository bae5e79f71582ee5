package org.preconsult.review.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

@MappedEntity("received_plan")
public record ReceivedPlanRow(@EmbeddedId Key key, @Nullable String ownerName, String title, String summary,
                              Instant receivedAt) {
    @Embeddable
    public record Key(@MappedProperty("origin_node") String originNode, @MappedProperty("plan_id") String planId,
                      @MappedProperty("revision") int revision) {
    }
}
