package org.preconsult.plan.api;

import org.preconsult.common.api.Bounds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.preconsult.common.api.PageView;
import org.preconsult.identity.model.Role;
import org.preconsult.decision.api.ConditionProblems;
import org.preconsult.decision.infrastructure.ConditionsJson;
import org.preconsult.node.NodeSettings;
import org.preconsult.plan.application.PlanConditions;
import org.preconsult.redundancy.api.RedundancyCheckResponse;
import org.preconsult.redundancy.application.RedundancyCheck;
import org.preconsult.plan.application.PlanDeliveries;
import org.preconsult.plan.application.PlanDrafts;
import org.preconsult.plan.application.PlanRegistry;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.preconsult.plan.model.Plan;
import org.preconsult.plan.model.PlanStatus;

/**
 * The plans of this government. Departments draft; the IT department's coordinator submits; every
 * role can read. A draft can be saved incomplete: completeness is shown on every read.
 */
@Controller("/api/v1/plans")
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanController {

    private final PlanRegistry plans;
    private final ConditionsJson conditions;
    private final PlanConditions planConditions;

    private final RedundancyCheck checking;
    private final NodeSettings node;

    private final PlanDeliveries deliveries;

    PlanController(PlanRegistry plans, ConditionsJson conditions, PlanConditions planConditions,
                   RedundancyCheck checking, NodeSettings node, PlanDeliveries deliveries) {
        this.deliveries = deliveries;
        this.checking = checking;
        this.node = node;
        this.plans = plans;
        this.conditions = conditions;
        this.planConditions = planConditions;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Secured({Role.SUBMITTER_, Role.COORDINATOR_})
    PlanView draft(@Body @Valid PlanRequest request, @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        return view(PlanProblems.changed(plans.draft(request.content(), idempotencyKey)));
    }

    @Put("/{id}")
    @Secured({Role.SUBMITTER_, Role.COORDINATOR_})
    PlanView edit(@PathVariable String id, @Body @Valid PlanRequest request) {
        return view(PlanProblems.changed(plans.edit(id, request.content())));
    }

    /** Withdraws (deletes) a draft that was never submitted; 409 for any other plan. */
    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Secured({Role.SUBMITTER_, Role.COORDINATOR_})
    void withdraw(@PathVariable String id) {
        PlanProblems.changed(plans.withdraw(id));
    }

    @Post("/{id}/submission")
    @Secured(Role.COORDINATOR_)
    PlanView submit(@PathVariable String id) {
        return view(PlanProblems.changed(plans.submit(id)));
    }

    @Get("/{id}")
    @Secured({Role.SUBMITTER_, Role.COORDINATOR_, Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
    PlanView get(@PathVariable String id) {
        return view(PlanProblems.found(plans.find(id), id));
    }

    @Get
    @Secured({Role.SUBMITTER_, Role.COORDINATOR_, Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
    PageView<PlanView> list(@Nullable @QueryValue PlanStatus status,
                            @QueryValue(defaultValue = "0") @Min(0) int page,
                            @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        var pageable = Pageable.from(page, size, Sort.of(Sort.Order.desc("updatedAt")));
        return PageView.of(plans.list(status, pageable), this::view);
    }

    /**
     * The advisory redundancy check of a plan as it stands, against this node's catalogue copy:
     * what already exists that the plan may duplicate, before it is submitted.
     */
    @Get("/{id}/redundancy-check")
    @Secured({Role.SUBMITTER_, Role.COORDINATOR_, Role.REVIEWER_})
    RedundancyCheckResponse check(@PathVariable String id, @QueryValue(defaultValue = "10") @Min(1) @Max(50) int limit,
                                  @Nullable @QueryValue @Pattern(regexp = "true|false",
                                          message = "bestPractice must be true or false") String bestPractice) {
        var plan = PlanProblems.found(plans.find(id), id);
        var draft = PlanDrafts.of(plan, node);
        return RedundancyCheckResponse.from(checking.check(draft, limit, "true".equals(bestPractice)));
    }

    @Post("/{id}/conditions/{conditionId}/fulfilment")
    @Secured(Role.COORDINATOR_)
    PlanView fulfil(@PathVariable String id, @PathVariable String conditionId, @Body @Valid FulfilmentRequest request) {
        ConditionProblems.settled(planConditions.fulfil(id, conditionId, request.evidence()));
        return view(PlanProblems.found(plans.find(id), id));
    }

    @Serdeable
    record FulfilmentRequest(@NotBlank @Size(max = Bounds.EVIDENCE) String evidence) {
    }

    private PlanView view(Plan plan) {
        return PlanView.of(plan, plans.decisionsOf(plan.id()), conditions, planConditions.of(plan.id()),
                deliveries.of(plan).orElse(null));
    }
}
