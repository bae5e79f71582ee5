package org.preconsult.catalogue.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code catalogue_entry}. */
@MappedEntity("catalogue_entry")
public record CatalogueEntryRow(
        @Id String id,
        String kind,
        @Nullable String owner,
        String name,
        @Nullable String description,
        @Nullable String functions,
        @Nullable String functionCode,
        @Nullable String language,
        String status,
        @Nullable BigDecimal budget,
        @Nullable String originNode,
        long version,
        Instant updatedAt,
        long changeSeq) {
}
