package org.preconsult.plan.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlanRows extends CrudRepository<PlanRow, String> {
    Page<PlanRow> findAll(Pageable pageable);

    Page<PlanRow> findByStatus(String status, Pageable pageable);
}
