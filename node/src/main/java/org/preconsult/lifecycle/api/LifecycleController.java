package org.preconsult.lifecycle.api;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.preconsult.common.api.Problem;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.model.Role;
import org.preconsult.lifecycle.application.ChangingLifecycle;
import org.preconsult.lifecycle.application.LifecycleSettings;
import org.preconsult.lifecycle.application.RetiringSystems;
import org.preconsult.lifecycle.model.Deliverable;
import org.preconsult.lifecycle.model.Lifecycle;
import org.preconsult.lifecycle.model.Retirement;
import org.preconsult.lifecycle.model.Transition;

/**
 * Life after the decision at the plan's owner: the IT department's coordinator reports a plan's
 * kickoff, completion or cancellation and retires existing systems; every role reads a plan's
 * lifecycle. Refusals of the rules map here, once, to problem responses.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class LifecycleController {

    private final ChangingLifecycle lifecycle;
    private final RetiringSystems retiring;
    private final LifecycleSettings settings;
    private final Clock clock;

    LifecycleController(ChangingLifecycle lifecycle, RetiringSystems retiring, LifecycleSettings settings, Clock clock) {
        this.lifecycle = lifecycle;
        this.retiring = retiring;
        this.settings = settings;
        this.clock = clock;
    }

    @Serdeable
    record KickoffRequest(@NotNull LocalDate kickoffOn) {
    }

    @Serdeable
    record CompletionRequest(@NotNull LocalDate goLiveOn) {
    }

    @Serdeable
    record CancellationRequest(@NotBlank @Size(max = Lifecycle.MAX_REASON) String reason) {
    }

    @Serdeable
    record RetirementRequest(@NotNull LocalDate retiredOn, @NotBlank @Size(max = Lifecycle.MAX_REASON) String reason) {
    }

    @Serdeable
    record DeliverableRequest(@NotBlank @Size(max = Deliverable.MAX_TITLE) String title, @NotNull LocalDate deliveredOn,
                              @NotNull @PositiveOrZero @Max(Deliverable.MAX_SIZE) Long sizeBytes,
                              @NotBlank @Pattern(regexp = "[0-9a-f]{64}") String checksum,
                              @Nullable @Size(max = Deliverable.MAX_LINK) String link) {
    }

    @Get("/plans/{id}/lifecycle")
    @Secured({Role.SUBMITTER_, Role.COORDINATOR_, Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
    PlanRecordView get(@PathVariable String id) {
        return lifecycle.recordOf(id).map(r -> PlanRecordView.of(r, clock.instant(), settings.staleAfter()))
                .orElseThrow(() -> ProblemException.notFound("A decided plan", id));
    }

    @Post("/plans/{id}/lifecycle/kickoff")
    @Secured(Role.COORDINATOR_)
    PlanRecordView kickoff(@PathVariable String id, @Body @Valid KickoffRequest request) {
        return answer(lifecycle.kickoff(id, request.kickoffOn()));
    }

    @Post("/plans/{id}/lifecycle/completion")
    @Secured(Role.COORDINATOR_)
    PlanRecordView complete(@PathVariable String id, @Body @Valid CompletionRequest request) {
        return answer(lifecycle.complete(id, request.goLiveOn()));
    }

    @Post("/plans/{id}/lifecycle/cancellation")
    @Secured(Role.COORDINATOR_)
    PlanRecordView cancel(@PathVariable String id, @Body @Valid CancellationRequest request) {
        return answer(lifecycle.cancel(id, request.reason()));
    }

    /** Records a deliverable's metadata; {@code kind} is REQUEST_FOR_PROPOSAL, EXECUTION_PLAN, FINAL_REPORT or USER_MANUAL. */
    @Put("/plans/{id}/lifecycle/deliverables/{kind}")
    @Secured(Role.COORDINATOR_)
    PlanRecordView deliver(@PathVariable String id, @PathVariable Deliverable.Kind kind,
                           @Body @Valid DeliverableRequest request) {
        return answer(lifecycle.deliver(id, kind, request.title(), request.deliveredOn(), request.sizeBytes(),
                request.checksum(), request.link()));
    }

    @Post("/systems/{id}/retirement")
    @Secured(Role.COORDINATOR_)
    Map<String, Object> retire(@PathVariable String id, @Body @Valid RetirementRequest request) {
        var result = retiring.retire(id, request.retiredOn(), request.reason());
        if (result instanceof Retirement.Allowed a) {
            return Map.of("systemId", id, "status", "RETIRED", "retiredOn", a.retiredOn().toString(), "reason", a.reason());
        }
        if (result instanceof Retirement.Invalid i) {
            throw invalid(i.field(), i.message());
        }
        if (result instanceof Retirement.NotAllowed n) {
            throw ProblemException.conflict(n.message());
        }
        throw ProblemException.notFound("System", ((Retirement.NoSuchSystem) result).systemId());
    }

    private PlanRecordView answer(Transition result) {
        if (result instanceof Transition.Changed c) {
            return PlanRecordView.of(c.record(), clock.instant(), settings.staleAfter());
        }
        if (result instanceof Transition.Invalid i) {
            throw invalid(i.field(), i.message());
        }
        if (result instanceof Transition.NotAllowed n) {
            throw ProblemException.conflict(n.message());
        }
        throw ProblemException.notFound("Plan", ((Transition.NoSuchPlan) result).planId());
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "The change was not recorded: " + field + " " + message + ".",
                List.of(new Problem.FieldError(field, message)));
    }
}
