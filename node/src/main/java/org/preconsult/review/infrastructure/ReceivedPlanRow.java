package org.preconsult.review.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("received_plan")
public record ReceivedPlanRow(@EmbeddedId Key key, @Nullable String ownerName, String title, String summary,
                              Instant receivedAt) {
    @Embeddable
    public record Key(String originNode, String planId, int revision) {
    }
}
