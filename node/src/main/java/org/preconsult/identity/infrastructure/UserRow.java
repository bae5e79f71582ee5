package org.preconsult.identity.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("app_user")
public record UserRow(
        @Id String username,
        String passwordHash,
        String roles,
        @Nullable String displayName,
        boolean enabled,
        Instant createdAt) {
}
