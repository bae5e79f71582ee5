package org.preconsult.lifecycle.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Repositories of the plan records. */
public final class PlanRecordRepositories {

    private PlanRecordRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface PlanRecordRows extends CrudRepository<PlanRecordRow, String> {
        List<PlanRecordRow> findByOwnerNode(String ownerNode);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface PlanRecordDecisionRows extends CrudRepository<PlanRecordDecisionRow, PlanRecordDecisionRow.Key> {
        List<PlanRecordDecisionRow> findByKeyRecordId(String recordId);

        void deleteByKeyRecordId(String recordId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface PlanRecordDeliverableRows
            extends CrudRepository<PlanRecordDeliverableRow, PlanRecordDeliverableRow.Key> {
        List<PlanRecordDeliverableRow> findByKeyRecordId(String recordId);

        void deleteByKeyRecordId(String recordId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface PlanRecordConditionRows
            extends CrudRepository<PlanRecordConditionRow, PlanRecordConditionRow.Key> {
        List<PlanRecordConditionRow> findByKeyRecordId(String recordId);

        void deleteByKeyRecordId(String recordId);
    }
}
