package org.preconsult.audit.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/**
 * The only writer of {@code audit_event}. It extends {@link GenericRepository}, not
 * {@code CrudRepository}, and declares no update or delete: the trail is append-only because no
 * statement that changes or removes a row exists in the application (a test keeps it so).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuditEventRows extends GenericRepository<AuditEventRow, Long> {

    AuditEventRow save(AuditEventRow row);

    Optional<AuditEventRow> findById(Long id);
}
