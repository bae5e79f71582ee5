package org.preconsult.review.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

public final class ReviewRepositories {

    private ReviewRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface ReviewCaseRows extends CrudRepository<ReviewCaseRow, String> {
        Page<ReviewCaseRow> findByStatus(String status, Pageable pageable);

        Page<ReviewCaseRow> findAll(Pageable pageable);

        Optional<ReviewCaseRow> findByOriginNodeAndPlanIdAndPlanRevision(String originNode, String planId, int planRevision);

        List<ReviewCaseRow> findByStatusOrderByOpenedAt(String status);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface ReceivedPlanRows extends CrudRepository<ReceivedPlanRow, ReceivedPlanRow.Key> {
        Page<ReceivedPlanRow> findAll(Pageable pageable);
    }
}
