package org.preconsult.web.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.preconsult.common.api.ProblemException;
import org.preconsult.common.infrastructure.TextLists;
import org.preconsult.identity.model.Role;
import org.preconsult.lifecycle.application.ChangingLifecycle;
import org.preconsult.lifecycle.application.LifecycleSettings;
import org.preconsult.node.NodeSettings;
import org.preconsult.decision.api.ConditionProblems;
import org.preconsult.decision.infrastructure.ConditionsJson;
import org.preconsult.plan.application.PlanConditions;
import org.preconsult.plan.api.PlanProblems;
import org.preconsult.plan.application.PlanDrafts;
import org.preconsult.plan.application.PlanRegistry;
import org.preconsult.plan.model.Plan;
import org.preconsult.plan.model.PlanContent;
import org.preconsult.plan.model.PlanStatus;
import org.preconsult.redundancy.application.RedundancyCheck;
import org.preconsult.web.infrastructure.Csrf;

/**
 * The plan pages of departments and coordinators: their plans, the draft form with completeness and
 * the advisory redundancy check beside it, submission after a check of the answers, and the plan
 * with its decisions and the conditions to fulfil. Calls the same services as the plan API.
 */
@Controller("/plans")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.SUBMITTER_, Role.COORDINATOR_, Role.AUDITOR_})
// Public only so that the precompiled templates (another package) can name its page records.
public class PlanPages {

    /** A row of the plan list. */
    public record PlanRow(String id, String title, String status, double completeness, Instant updatedAt,
                          Instant submittedAt, int openConditions, LocalDate nextDue) {
    }

    public record PlanListPage(Ui ui, List<PlanRow> plans, int page, int pages) {
    }

    public record NewPlanPage(Ui ui, String title, List<PlanForm.FieldError> errors) {
    }

    /** What the form's side panel shows: completeness and the advisory check. */
    public record Live(double completeness, List<String> missing, CheckView check) {
    }

    public record PlanFormPage(Ui ui, String id, String status, PlanForm form, List<PlanForm.FieldError> errors,
                               Live live, boolean saved) {
        public boolean hasError(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }

        public String errorKey(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).map(PlanForm.FieldError::key).findFirst().orElse(null);
        }
    }

    public record LivePanel(Ui ui, String id, Live live, boolean saved, boolean failed) {
    }

    public record SubmitPage(Ui ui, String id, PlanForm form, Live live, List<String> problems) {
    }

    public record DecisionView(String outcome, List<String> reasons, String decidingNode, Instant decidedAt) {
    }

    public record ConditionView(String id, String text, LocalDate dueDate, String status, String evidence,
                                boolean overdue, String entryHref) {
    }

    public record PlanPage(Ui ui, String id, String status, int revision, PlanForm form, double completeness,
                           List<DecisionView> decisions, List<ConditionView> conditions, boolean editable,
                           String notice, String errorKey, LifecycleView lifecycle) {
    }

    private final UiContext context;
    private final PlanRegistry plans;
    private final PlanConditions conditions;
    private final ConditionsJson conditionsJson;
    private final RedundancyCheck checking;
    private final NodeSettings node;
    private final Csrf csrf;
    private final Clock clock;
    private final ChangingLifecycle lifecycle;
    private final LifecycleSettings lifecycleSettings;

    PlanPages(UiContext context, PlanRegistry plans, PlanConditions conditions, ConditionsJson conditionsJson,
              RedundancyCheck checking, NodeSettings node, Csrf csrf, Clock clock, ChangingLifecycle lifecycle,
              LifecycleSettings lifecycleSettings) {
        this.lifecycle = lifecycle;
        this.lifecycleSettings = lifecycleSettings;
        this.context = context;
        this.plans = plans;
        this.conditions = conditions;
        this.conditionsJson = conditionsJson;
        this.checking = checking;
        this.node = node;
        this.csrf = csrf;
        this.clock = clock;
    }

    /** Plans per page of the list: a page a person reads, and one a node renders in a few milliseconds. */
    static final int PAGE_SIZE = 50;

    @Get
    Object list(HttpRequest<?> request, @Nullable @QueryValue Integer page) {
        int number = page == null || page < 1 ? 1 : Math.min(page, 100_000);
        var found = plans.list(null, Pageable.from(number - 1, PAGE_SIZE, Sort.of(Sort.Order.desc("updatedAt"))));
        var content = found.getContent();
        var conditionsByPlan = conditions.ofPlans(content.stream().map(Plan::id).toList());
        var rows = content.stream()
                .map(p -> {
                    var open = conditionsByPlan.getOrDefault(p.id(), List.of()).stream()
                            .filter(c -> c.status().equals("OPEN")).toList();
                    return new PlanRow(p.id(), p.content().title(), p.status().name(), p.completeness().score(),
                            p.updatedAt(), p.submittedAt(), open.size(),
                            open.stream().map(c -> c.dueDate()).filter(d -> d != null).min(LocalDate::compareTo).orElse(null));
                }).toList();
        return UiContext.page("plans/list", new PlanListPage(context.of(request), rows, number,
                Math.max(1, found.getTotalPages())));
    }

    @Get("/new")
    @Secured({Role.SUBMITTER_, Role.COORDINATOR_})
    Object newPlan(HttpRequest<?> request) {
        return UiContext.page("plans/new", new NewPlanPage(context.of(request), "", List.of()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.SUBMITTER_, Role.COORDINATOR_})
    HttpResponse<?> create(HttpRequest<?> request, @Body Map<String, String> form) {
        if (!csrf.verify(request, form.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        String title = form.getOrDefault("title", "").strip();
        if (title.isEmpty() || title.length() > 500) {
            return HttpResponse.badRequest(UiContext.page("plans/new", new NewPlanPage(context.of(request), title,
                    List.of(new PlanForm.FieldError("title", title.isEmpty() ? "plan.error.title.required" : "plan.error.tooLong")))));
        }
        var plan = plans.draft(new PlanContent(title, null, List.of(), null, null, null, null, null,
                context.of(request).lang(), false, null, null, null));
        return HttpResponse.seeOther(URI.create("/plans/" + plan.id() + "/edit"));
    }

    @Get("/{id}/edit")
    @Secured({Role.SUBMITTER_, Role.COORDINATOR_})
    HttpResponse<?> edit(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue Boolean saved) {
        var plan = plan(id);
        if (!plan.status().isEditable()) {
            return HttpResponse.seeOther(URI.create("/plans/" + id));
        }
        return HttpResponse.ok(UiContext.page("plans/form", new PlanFormPage(context.of(request), id, plan.status().name(),
                PlanForm.of(plan.content()), List.of(), live(plan), Boolean.TRUE.equals(saved))));
    }

    /** Saves the draft (also when it is incomplete); "continue" goes on to check the answers. */
    @Post(value = "/{id}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.SUBMITTER_, Role.COORDINATOR_})
    HttpResponse<?> save(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        if (!csrf.verify(request, form.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        var typed = PlanForm.from(form);
        var parsed = typed.parse();
        if (!parsed.ok()) {
            var plan = plan(id);
            return HttpResponse.badRequest(UiContext.page("plans/form", new PlanFormPage(context.of(request), id,
                    plan.status().name(), typed, parsed.errors(), live(plan), false)));
        }
        PlanProblems.changed(plans.edit(id, parsed.content()));
        String next = "continue".equals(form.get("action")) ? "/plans/" + id + "/submit" : "/plans/" + id + "/edit?saved=true";
        return HttpResponse.seeOther(URI.create(next));
    }

    /**
     * The page script's save while typing: saves what parses and answers with the side panel,
     * refreshed. A field that does not parse keeps the last saved draft and says so.
     */
    @Post(value = "/{id}/autosave", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.SUBMITTER_, Role.COORDINATOR_})
    HttpResponse<?> autosave(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        if (!csrf.verify(request, form.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        var parsed = PlanForm.from(form).parse();
        Plan plan = parsed.ok() ? PlanProblems.changed(plans.edit(id, parsed.content())) : plan(id);
        return HttpResponse.ok(UiContext.page("plans/live", new LivePanel(context.of(request), id, live(plan), parsed.ok(),
                !parsed.ok())));
    }

    @Get("/{id}/submit")
    @Secured(Role.COORDINATOR_)
    HttpResponse<?> checkAnswers(HttpRequest<?> request, @PathVariable String id) {
        var plan = plan(id);
        if (!plan.status().isEditable()) {
            return HttpResponse.seeOther(URI.create("/plans/" + id));
        }
        return HttpResponse.ok(UiContext.page("plans/submit", new SubmitPage(context.of(request), id,
                PlanForm.of(plan.content()), live(plan), List.of())));
    }

    @Post(value = "/{id}/submit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.COORDINATOR_)
    HttpResponse<?> submit(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        if (!csrf.verify(request, form.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        try {
            PlanProblems.changed(plans.submit(id));
        } catch (ProblemException refused) {
            var plan = plan(id);
            return HttpResponse.status(refused.status()).body(UiContext.page("plans/submit",
                    new SubmitPage(context.of(request), id, PlanForm.of(plan.content()), live(plan),
                            List.of(refused.getMessage()))));
        }
        return HttpResponse.seeOther(URI.create("/plans/" + id + "?notice=submitted"));
    }

    @Get("/{id}")
    Object show(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String notice) {
        return UiContext.page("plans/show", planPage(request, plan(id), notice, null));
    }

    @Post(value = "/{id}/conditions/{conditionId}/fulfilment", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.COORDINATOR_)
    HttpResponse<?> fulfil(HttpRequest<?> request, @PathVariable String id, @PathVariable String conditionId,
                           @Body Map<String, String> form) {
        if (!csrf.verify(request, form.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        String evidence = form.getOrDefault("evidence", "").strip();
        if (evidence.isEmpty() || evidence.length() > 4000) {
            return HttpResponse.badRequest(UiContext.page("plans/show", planPage(request, plan(id), null,
                    evidence.isEmpty() ? "plan.condition.evidence.required" : "plan.error.tooLong")));
        }
        ConditionProblems.settled(conditions.fulfil(id, conditionId, evidence));
        return HttpResponse.seeOther(URI.create("/plans/" + id + "?notice=fulfilled"));
    }

    private PlanPage planPage(HttpRequest<?> request, Plan plan, String notice, String errorKey) {
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var decisions = plans.decisionsOf(plan.id()).stream()
                .map(d -> new DecisionView(d.outcome(), TextLists.split(d.reasons()), d.decidingNode(), d.decidedAt()))
                .toList();
        var tracked = conditions.of(plan.id()).stream()
                .map(c -> new ConditionView(c.conditionId(), c.text(), c.dueDate(), c.status(), c.evidence(),
                        c.status().equals("OPEN") && c.dueDate() != null && c.dueDate().isBefore(today),
                        c.entryId() == null ? null : CheckView.entryHref(c.entryId())))
                .toList();
        return new PlanPage(context.of(request), plan.id(), plan.status().name(), plan.revision(),
                PlanForm.of(plan.content()), plan.completeness().score(), decisions, tracked,
                plan.status().isEditable(), notice == null || !notice.matches("[a-z]{1,20}") ? null : notice, errorKey,
                lifecycle.recordOf(plan.id()).map(r -> LifecycleView.of(r, clock.instant(), lifecycleSettings.staleAfter()))
                        .orElse(null));
    }

    private Plan plan(String id) {
        return PlanProblems.found(plans.find(id), id);
    }

    private Live live(Plan plan) {
        var draft = PlanDrafts.of(plan, node);
        var completeness = plan.completeness();
        return new Live(completeness.score(), completeness.missing().stream().map(m -> m.field()).toList(),
                CheckView.of(checking.check(draft, 5)));
    }

    /** A refusal of the services (not found, conflict) as a page, not as the API's problem+json. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> refused(HttpRequest<?> request, ProblemException problem) {
        return ErrorPages.of(context, request, problem);
    }
}
