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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.preconsult.common.api.PageView;
import org.preconsult.common.model.Outcome;
import org.preconsult.identity.model.Role;
import org.preconsult.review.application.DecidingCases;
import org.preconsult.review.application.DecisionCommand;
import org.preconsult.review.application.ReadingCases;
import org.preconsult.review.model.CaseStatus;

/** Review cases at this node: reviewers list them, read the evidence and decide. */
@Controller("/api/v1/review-cases")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReviewController {

    private final ReadingCases cases;
    private final DecidingCases deciding;
    private final Clock clock;

    ReviewController(ReadingCases cases, DecidingCases deciding, Clock clock) {
        this.cases = cases;
        this.deciding = deciding;
        this.clock = clock;
    }

    @Get
    @Secured({Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
    PageView<ReviewCaseView> list(@Nullable @QueryValue CaseStatus status,
                                  @QueryValue(defaultValue = "0") @Min(0) int page,
                                  @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        var now = clock.instant();
        return PageView.of(cases.list(status, Pageable.from(page, size, Sort.of(Sort.Order.asc("dueAt")))),
                c -> ReviewCaseView.of(c, now));
    }

    @Get("/{id}")
    @Secured({Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
    ReviewCaseView get(@PathVariable String id) {
        return ReviewCaseView.of(ReviewProblems.found(cases.find(id), id), clock.instant());
    }

    @Post("/{id}/decision")
    @Secured(Role.REVIEWER_)
    ReviewCaseView decide(@PathVariable String id, @Body @Valid DecisionRequest request) {
        var command = new DecisionCommand(request.outcome(), request.reasons(),
                request.conditions() == null ? List.of() : request.conditions().stream()
                        .map(c -> new DecisionCommand.ConditionCommand(c.text(), c.dueDate(), c.entryId())).toList(),
                request.adoptEntryId(), request.adoptEntryOwner(), request.overrideReason());
        return ReviewCaseView.of(ReviewProblems.decided(deciding.decide(id, command)), clock.instant());
    }

    @Serdeable
    record DecisionRequest(@NotNull Outcome outcome,
                           @NotEmpty @Size(max = Bounds.REASONS) List<@NotBlank @Size(max = Bounds.REASON) String> reasons,
                           @Nullable @Size(max = Bounds.REASONS) List<@Valid ConditionRequest> conditions,
                           @Nullable @Size(max = Bounds.ENTRY_ID) String adoptEntryId,
                           @Nullable @Size(max = Bounds.NAME) String adoptEntryOwner,
                           @Nullable @Size(max = Bounds.REASON) String overrideReason) {
    }

    @Serdeable
    record ConditionRequest(@NotBlank @Size(max = Bounds.REASON) String text, @Nullable LocalDate dueDate,
                            @Nullable @Size(max = Bounds.ENTRY_ID) String entryId) {
    }
}
