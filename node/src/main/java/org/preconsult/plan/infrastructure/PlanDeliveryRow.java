package org.preconsult.plan.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

/** Whether the parent confirmed, or refused, a submitted plan revision. */
@MappedEntity("plan_delivery")
public record PlanDeliveryRow(@EmbeddedId Key key, @Nullable Instant confirmedAt, @Nullable String rejection,
                              Instant updatedAt) {

    @Embeddable
    public record Key(@MappedProperty("plan_id") String planId, @MappedProperty("revision") int revision) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Rows extends CrudRepository<PlanDeliveryRow, Key> {
    }
}
