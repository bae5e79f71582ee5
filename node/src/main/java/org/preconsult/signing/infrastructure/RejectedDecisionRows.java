package org.preconsult.signing.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** Rejections are kept as evidence: added and read, never changed. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RejectedDecisionRows extends GenericRepository<RejectedDecisionRow, Long> {

    RejectedDecisionRow save(RejectedDecisionRow row);

    Page<RejectedDecisionRow> findAll(Pageable pageable);
}
