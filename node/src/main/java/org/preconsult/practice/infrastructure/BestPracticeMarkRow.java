package org.preconsult.practice.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

/** A row of {@code best_practice_mark}. */
@MappedEntity("best_practice_mark")
public record BestPracticeMarkRow(@EmbeddedId Key key, @Nullable String markingName, @Nullable String reason,
                                  Instant markedAt, boolean withdrawn, long version) {

    @Embeddable
    public record Key(@MappedProperty("entry_id") String entryId, @MappedProperty("marking_node") String markingNode) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Rows extends CrudRepository<BestPracticeMarkRow, Key> {
        List<BestPracticeMarkRow> findByWithdrawnFalse();
    }
}
