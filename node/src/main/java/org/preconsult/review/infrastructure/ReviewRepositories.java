package org.preconsult.review.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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

        List<ReviewCaseRow> findByStatusInList(List<String> statuses);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface ReceivedPlanRows extends CrudRepository<ReceivedPlanRow, ReceivedPlanRow.Key> {
        Page<ReceivedPlanRow> findAll(Pageable pageable);
    }

    @MappedEntity("review_policy")
    public record PolicyRow(@Id int id, boolean automaticDecisions, BigDecimal minConfidence,
                            @Nullable String updatedBy, Instant updatedAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface PolicyRows extends CrudRepository<PolicyRow, Integer> {
    }

    @MappedEntity("reported_case")
    public record ReportedCaseRow(@EmbeddedId Key key, @Nullable String decisionId, String planId, int planRevision,
                                  String ownerNode, @Nullable String ownerName, String decidingLevel, String outcome,
                                  Instant submittedAt, Instant decidedAt, Instant dueAt, boolean automatic,
                                  @Nullable String routingReason) {
        @Embeddable
        public record Key(@MappedProperty("deciding_node") String decidingNode, @MappedProperty("case_id") String caseId) {
        }
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface ReportedCaseRows extends CrudRepository<ReportedCaseRow, ReportedCaseRow.Key> {
    }

    @MappedEntity("case_condition")
    public record CaseConditionRow(@Id String conditionId, String caseId, String decisionId, String planId,
                                   String ownerNode, @Nullable String ownerName, String text, LocalDate dueDate,
                                   @Nullable String entryId, String status, @Nullable String evidence,
                                   @Nullable String changedBy, Instant updatedAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface CaseConditionRows extends CrudRepository<CaseConditionRow, String> {
        List<CaseConditionRow> findByCaseId(String caseId);

        Page<CaseConditionRow> findAll(Pageable pageable);

        Page<CaseConditionRow> findByStatus(String status, Pageable pageable);

        List<CaseConditionRow> findAllOrderByOwnerNode();

        java.util.Set<String> findConditionIdByStatus(String status);
    }
}
