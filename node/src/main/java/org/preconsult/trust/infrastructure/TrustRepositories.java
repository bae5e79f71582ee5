package org.preconsult.trust.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import org.preconsult.trust.infrastructure.TrustRows.EnrolledChildRow;
import org.preconsult.trust.infrastructure.TrustRows.EnrolmentTokenRow;
import org.preconsult.trust.infrastructure.TrustRows.TrustRefusalRow;

/** Repositories of the trust tables. */
public final class TrustRepositories {

    private TrustRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface EnrolmentTokenRows extends CrudRepository<EnrolmentTokenRow, String> {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface EnrolledChildRows extends CrudRepository<EnrolledChildRow, String> {
        List<EnrolledChildRow> findAllOrderByNodeId();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface TrustRefusalRows extends CrudRepository<TrustRefusalRow, Long> {
        Page<TrustRefusalRow> findAll(Pageable pageable);
    }
}
