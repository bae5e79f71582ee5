package org.preconsult.plan.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@MappedEntity("plan_condition")
public record PlanConditionRow(@Id String conditionId, String planId, String decisionId, String decidingNode,
                               String text, LocalDate dueDate, @Nullable String entryId, String status,
                               @Nullable String evidence, @Nullable String changedBy, Instant updatedAt) {

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Rows extends CrudRepository<PlanConditionRow, String> {
        List<PlanConditionRow> findByPlanIdOrderByDueDate(String planId);

        List<PlanConditionRow> findByPlanIdIn(java.util.Collection<String> planIds);

        List<PlanConditionRow> findByEntryIdAndStatus(String entryId, String status);

        /** Waives the condition if it is still open; the count of rows changed (0 or 1) says which. */
        @io.micronaut.data.annotation.Query("UPDATE plan_condition SET status = 'WAIVED', evidence = :reason, changed_by = :by,"
                + " updated_at = :at WHERE condition_id = :conditionId AND status = 'OPEN'")
        int waiveIfOpen(String conditionId, @Nullable String reason, String by, Instant at);
    }
}
