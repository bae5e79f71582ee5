package org.preconsult.review.api;

import org.preconsult.common.api.Bounds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.preconsult.common.api.PageView;
import org.preconsult.identity.model.Role;
import org.preconsult.review.application.CaseConditions;
import org.preconsult.review.application.ReviewPolicy;
import org.preconsult.review.application.TurnaroundReports;
import org.preconsult.review.infrastructure.ReviewRepositories.CaseConditionRow;
import org.preconsult.decision.api.ConditionProblems;
import org.preconsult.decision.model.ConditionStatus;
import org.preconsult.review.model.TurnaroundReport;

/**
 * The deciding level's view across cases: turnaround per level, the conditions it imposed and
 * their state per government, and the operator's policy on automatic decisions.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReviewAdminController {

    private final TurnaroundReports turnaround;
    private final CaseConditions conditions;
    private final ReviewPolicy policy;

    ReviewAdminController(TurnaroundReports turnaround, CaseConditions conditions, ReviewPolicy policy) {
        this.turnaround = turnaround;
        this.conditions = conditions;
        this.policy = policy;
    }

    @Get("/review-cases/turnaround")
    @Secured({Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
    TurnaroundView turnaround() {
        var report = turnaround.report();
        return new TurnaroundView(report.at(), report.levels());
    }

    @Get("/conditions")
    @Secured({Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
    PageView<ConditionView> conditions(@Nullable @QueryValue ConditionStatus status,
                                       @QueryValue(defaultValue = "0") @Min(0) int page,
                                       @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        return PageView.of(conditions.list(status, Pageable.from(page, size, Sort.of(Sort.Order.asc("dueDate")))),
                this::view);
    }

    @Get("/conditions/by-government")
    @Secured({Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
    List<CaseConditions.GovernmentSummary> byGovernment() {
        return conditions.perGovernment();
    }

    @Post("/conditions/{id}/waiver")
    @Secured(Role.REVIEWER_)
    ConditionView waive(@PathVariable String id, @Body @Valid WaiverRequest request) {
        return view(ConditionProblems.settled(conditions.waive(id, request.reason())));
    }

    @Get("/review-policy")
    @Secured({Role.OPERATOR_, Role.REVIEWER_, Role.AUDITOR_})
    ReviewPolicy.Policy policy() {
        return policy.current();
    }

    @Put("/review-policy")
    @Secured(Role.OPERATOR_)
    ReviewPolicy.Policy changePolicy(@Body @Valid PolicyRequest request) {
        return policy.change(new ReviewPolicy.Policy(request.automaticDecisions(), request.minConfidence()));
    }

    private ConditionView view(CaseConditionRow r) {
        return new ConditionView(r.conditionId(), r.caseId(), r.decisionId(), r.planId(), r.ownerNode(), r.ownerName(),
                r.text(), r.dueDate(), r.entryId(), ConditionStatus.valueOf(r.status()), conditions.overdue(r),
                r.evidence(), r.changedBy(), r.updatedAt());
    }

    @Serdeable
    record TurnaroundView(Instant at, List<TurnaroundReport.Level> levels) {
    }

    @Serdeable
    record ConditionView(String conditionId, String caseId, String decisionId, String planId, String ownerNode,
                         String ownerName, String text, LocalDate dueDate, String entryId, ConditionStatus status,
                         boolean overdue, String evidence, String changedBy, Instant updatedAt) {
    }

    @Serdeable
    record WaiverRequest(@NotBlank @Size(max = Bounds.REASON) String reason) {
    }

    @Serdeable
    record PolicyRequest(@NotNull Boolean automaticDecisions,
                         @DecimalMin("0.5") @DecimalMax("1.0") double minConfidence) {
    }
}
