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
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.preconsult.common.api.ProblemException;
import org.preconsult.common.model.Outcome;
import org.preconsult.identity.model.Role;
import org.preconsult.review.api.ReviewProblems;
import org.preconsult.review.application.DecidingCases;
import org.preconsult.review.application.DecisionCommand;
import org.preconsult.review.application.ReadingCases;
import org.preconsult.review.model.CaseStatus;
import org.preconsult.review.model.ReviewCase;
import org.preconsult.web.infrastructure.Csrf;

/**
 * The reviewer's pages: the queue ordered by due date with the clock, and the case with the plan,
 * the preliminary reviews and the evidence beside the decision form, the recommendation preselected.
 */
@Controller("/cases")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
// Public only so that the precompiled templates (another package) can name its page records.
public class CasePages {

    /** Maximum conditions one decision form carries. */
    static final int CONDITION_ROWS = 3;

    public record CaseRow(String id, String title, String owner, String status, Instant dueAt, long daysLeft,
                          boolean overdue, BigDecimal budget, String recommended, String outcome) {
    }

    public record CaseListPage(Ui ui, String status, List<CaseRow> cases, QueueFilter filter, int page, int pages,
                               String query) {
    }

    /** The queue's filters as typed: owner (part of the name), function code (prefix), language, overdue only. */
    public record QueueFilter(String owner, String functionCode, String language, boolean overdue) {
        boolean matches(ReviewCase c, Instant now) {
            var p = c.plan();
            return (owner.isEmpty() || (p.ownerName() != null && p.ownerName().toLowerCase().contains(owner.toLowerCase())))
                    && (functionCode.isEmpty() || (p.functionCode() != null && p.functionCode().startsWith(functionCode)))
                    && (language.isEmpty() || language.equalsIgnoreCase(p.language()))
                    && (!overdue || (c.decision() == null && c.overdue(now)));
        }
    }

    /** Cases per page of the queue; the filters look at the first {@value #QUEUE_WINDOW} by due date. */
    static final int QUEUE_PAGE = 50;
    static final int QUEUE_WINDOW = 2000;

    public record Preliminary(String node, String opinion, String recommended, List<String> reasons) {
    }

    public record ConditionRow(String text, String dueDate, String entryId) {
    }

    /** The decision form as typed (or preselected from the recommendation). */
    public record DecisionForm(String outcome, String reasons, String overrideReason, List<ConditionRow> conditions) {
    }

    public record Decided(String outcome, List<String> reasons, List<ConditionRow> conditions, String decidedBy,
                          Instant decidedAt, boolean automatic) {
    }

    public record CasePage(Ui ui, String id, String status, String title, String purpose, List<String> functions,
                           String functionCode, BigDecimal budget, LocalDate plannedStart, LocalDate plannedEnd,
                           String platform, String owner, String originNode, Instant submittedAt, Instant dueAt,
                           long daysLeft, boolean overdue, String routingReason, CheckView check,
                           List<Preliminary> preliminary, Decided decision, DecisionForm form,
                           List<String> errorKeys, String problem, boolean canDecide, List<String> outcomes) {
        public boolean hasError(String key) {
            return errorKeys.contains(key);
        }

        /** The field an error summary entry links to. */
        public String anchor(String errorKey) {
            return switch (errorKey) {
                case "case.error.outcome" -> "outcome";
                case "case.error.reasons" -> "reasons";
                case "case.error.override" -> "overrideReason";
                default -> "conditions";
            };
        }
    }

    private final UiContext context;
    private final ReadingCases cases;
    private final DecidingCases deciding;
    private final Csrf csrf;
    private final Clock clock;

    CasePages(UiContext context, ReadingCases cases, DecidingCases deciding, Csrf csrf, Clock clock) {
        this.deciding = deciding;
        this.context = context;
        this.cases = cases;
        this.csrf = csrf;
        this.clock = clock;
    }

    @Get
    Object queue(HttpRequest<?> request, @Nullable @QueryValue String status, @Nullable @QueryValue String owner,
                 @Nullable @QueryValue String functionCode, @Nullable @QueryValue String language,
                 @Nullable @QueryValue String overdue, @Nullable @QueryValue Integer page) {
        CaseStatus filter = status == null ? CaseStatus.OPEN
                : status.equals("ALL") ? null
                : Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(CaseStatus.OPEN);
        var now = clock.instant();
        var wanted = new QueueFilter(bounded(owner, 300), bounded(functionCode, 50), bounded(language, 20), overdue != null);
        var matching = cases.list(filter, Pageable.from(0, QUEUE_WINDOW, Sort.of(Sort.Order.asc("dueAt")))).getContent().stream()
                .filter(c -> wanted.matches(c, now)).toList();
        int pages = Math.max(1, (matching.size() + QUEUE_PAGE - 1) / QUEUE_PAGE);
        int current = page == null || page < 1 ? 1 : Math.min(page, pages);
        var rows = matching.stream().skip((long) (current - 1) * QUEUE_PAGE).limit(QUEUE_PAGE)
                .map(c -> new CaseRow(c.id(), c.plan().title(), c.plan().ownerName(), c.status().name(), c.dueAt(),
                        days(c.remaining(now)), c.overdue(now), c.plan().budget(),
                        c.evidence() == null || c.evidence().recommendation() == null ? null
                                : c.evidence().recommendation().outcome().name(),
                        c.decision() == null ? null : c.decision().outcome().name()))
                .toList();
        String statusName = filter == null ? "ALL" : filter.name();
        String query = "/cases?status=" + statusName + param("owner", wanted.owner()) + param("functionCode", wanted.functionCode())
                + param("language", wanted.language()) + (wanted.overdue() ? "&overdue=1" : "");
        return UiContext.page("cases/list", new CaseListPage(context.of(request), statusName, rows, wanted, current, pages, query));
    }

    private static String bounded(String s, int max) {
        String v = s == null ? "" : s.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }

    private static String param(String name, String value) {
        return value.isEmpty() ? "" : "&" + name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Get("/{id}")
    Object show(HttpRequest<?> request, @PathVariable String id) {
        var c = ReviewProblems.found(cases.find(id), id);
        var ui = context.of(request);
        return UiContext.page("cases/show", page(request, c, preselected(c, ui), List.of(), null));
    }

    @Post(value = "/{id}/decision", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.REVIEWER_)
    HttpResponse<?> decide(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> body) {
        if (!csrf.verify(request, body.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        var c = ReviewProblems.found(cases.find(id), id);
        List<ConditionRow> rows = new ArrayList<>();
        for (int i = 1; i <= CONDITION_ROWS; i++) {
            rows.add(new ConditionRow(body.getOrDefault("condition-" + i + "-text", "").strip(),
                    body.getOrDefault("condition-" + i + "-due", "").strip(),
                    body.getOrDefault("condition-" + i + "-entry", "").strip()));
        }
        var form = new DecisionForm(body.getOrDefault("outcome", ""), body.getOrDefault("reasons", ""),
                body.getOrDefault("overrideReason", ""), rows);
        List<String> errors = new ArrayList<>();
        Outcome outcome = Arrays.stream(Outcome.values()).filter(o -> o.name().equals(form.outcome())).findFirst().orElse(null);
        if (outcome == null) {
            errors.add("case.error.outcome");
        }
        List<String> reasons = form.reasons().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (reasons.isEmpty()) {
            errors.add("case.error.reasons");
        }
        if (reasons.stream().anyMatch(r -> r.length() > 2000) || form.overrideReason().length() > 2000) {
            errors.add("case.error.tooLong");
        }
        String recommended = recommended(c);
        if (outcome != null && recommended != null && !recommended.equals(outcome.name()) && form.overrideReason().isBlank()) {
            errors.add("case.error.override");
        }
        List<DecisionCommand.ConditionCommand> conditions = new ArrayList<>();
        for (var row : rows) {
            if (row.text().isEmpty()) {
                continue;
            }
            LocalDate due = null;
            if (!row.dueDate().isEmpty()) {
                try {
                    due = LocalDate.parse(row.dueDate());
                } catch (DateTimeParseException e) {
                    errors.add("case.error.dueDate");
                }
            }
            if (row.text().length() > 2000 || row.entryId().length() > 200) {
                errors.add("case.error.tooLong");
            }
            conditions.add(new DecisionCommand.ConditionCommand(row.text(), due, row.entryId().isEmpty() ? null : row.entryId()));
        }
        if (outcome == Outcome.CONDITIONAL_APPROVAL && conditions.isEmpty()) {
            errors.add("case.error.conditions.required");
        }
        if (outcome != null && outcome != Outcome.CONDITIONAL_APPROVAL && !conditions.isEmpty()) {
            errors.add("case.error.conditions.only");
        }
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(UiContext.page("cases/show", page(request, c, form, errors.stream().distinct().toList(), null)));
        }
        var proposed = c.evidence() == null || c.evidence().recommendation() == null ? null : c.evidence().recommendation().proposed();
        boolean adopt = proposed != null && outcome == Outcome.CONDITIONAL_APPROVAL;
        try {
            ReviewProblems.decided(deciding.decide(id, new DecisionCommand(outcome, reasons, conditions,
                    adopt ? proposed.entryId() : null, adopt ? proposed.owner() : null,
                    form.overrideReason().isBlank() ? null : form.overrideReason().strip())));
        } catch (ProblemException refused) {
            return HttpResponse.status(refused.status()).body(UiContext.page("cases/show",
                    page(request, ReviewProblems.found(cases.find(id), id), form, List.of(), refused.getMessage())));
        }
        return HttpResponse.seeOther(URI.create("/cases/" + id));
    }

    private CasePage page(HttpRequest<?> request, ReviewCase c, DecisionForm form, List<String> errors, String problem) {
        var ui = context.of(request);
        var now = clock.instant();
        var p = c.plan();
        var d = c.decision();
        var decided = d == null ? null : new Decided(d.outcome().name(), d.reasons(),
                d.conditions().stream().map(k -> new ConditionRow(k.text(), ui.date(k.dueDate()), k.entryId())).toList(),
                d.decidedBy(), d.decidedAt(), d.automatic());
        var preliminary = c.preliminary().stream().map(r -> new Preliminary(r.reviewingNode(), r.opinion(),
                r.recommendedOutcome(), r.reasons())).toList();
        return new CasePage(ui, c.id(), c.status().name(), p.title(), p.purpose(), p.functions(), p.functionCode(),
                p.budget(), p.plannedStart(), p.plannedEnd(), p.platform(), p.ownerName(), p.ownerNode(),
                p.submittedAt(), c.dueAt(), days(c.remaining(now)), c.overdue(now), c.routingReason(),
                CheckView.of(c.evidence()), preliminary, decided, form, errors, problem,
                c.status() == CaseStatus.OPEN && ui.has(Role.REVIEWER_),
                Arrays.stream(Outcome.values()).map(Enum::name).toList());
    }

    /** The form as the recommendation fills it: its outcome, its reasons, its adoption condition. */
    private static DecisionForm preselected(ReviewCase c, Ui ui) {
        var r = c.evidence() == null ? null : c.evidence().recommendation();
        List<ConditionRow> rows = new ArrayList<>();
        if (r != null && r.outcome() == Outcome.CONDITIONAL_APPROVAL && r.proposed() != null) {
            rows.add(new ConditionRow(ui.t(r.proposed().evidence() != null && r.proposed().evidence().sameOwner() ? "case.condition.revision"
                    : "case.condition.adopt", r.proposed().name(), r.proposed().owner()), "", r.proposed().entryId()));
        }
        while (rows.size() < CONDITION_ROWS) {
            rows.add(new ConditionRow("", "", ""));
        }
        return new DecisionForm(r == null ? "" : r.outcome().name(), r == null ? "" : String.join("\n", r.reasons().stream().map(ui::rule).toList()), "", rows);
    }

    private static String recommended(ReviewCase c) {
        return c.evidence() == null || c.evidence().recommendation() == null ? null
                : c.evidence().recommendation().outcome().name();
    }

    /** Whole days left, rounded toward the deadline (negative when overdue). */
    static long days(Duration remaining) {
        return Math.floorDiv(remaining.toHours(), 24);
    }

    /** A refusal of the services (not found, conflict) as a page, not as the API's problem+json. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> refused(HttpRequest<?> request, ProblemException problem) {
        return ErrorPages.of(context, request, problem);
    }
}
