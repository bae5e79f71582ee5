package org.preconsult.system.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("information_system")
public record SystemRow(
        @Id String id,
        String name,
        @Nullable String description,
        @Nullable String functions,
        @Nullable String functionCode,
        @Nullable String platform,
        String status,
        @Nullable Integer goLiveYear,
        String owner,
        @Nullable String language,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
