package org.preconsult.identity.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserRows extends CrudRepository<UserRow, String> {
    List<UserRow> findAllOrderByUsername();
}
