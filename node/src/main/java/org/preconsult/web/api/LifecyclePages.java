package org.preconsult.web.api;

import io.micronaut.core.annotation.Nullable;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.model.Role;
import org.preconsult.lifecycle.application.ChangingLifecycle;
import org.preconsult.lifecycle.application.LifecycleSettings;
import org.preconsult.lifecycle.model.Deliverable;
import org.preconsult.lifecycle.model.Lifecycle;
import org.preconsult.lifecycle.model.Transition;
import org.preconsult.plan.api.PlanProblems;
import org.preconsult.plan.application.PlanRegistry;
import org.preconsult.web.infrastructure.Csrf;

/**
 * The coordinator's pages of a decided plan's life: record its kickoff, its completion (go-live) or
 * its cancellation (after a confirmation), and its deliverables. Calls the same service as the
 * lifecycle API, so the audit log, the catalogue and the record sent up are the same.
 */
@Controller("/plans/{id}/lifecycle")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.COORDINATOR_)
// Public only so that the precompiled templates (another package) can name its page records.
public class LifecyclePages {

    /** A form with one date: {@code step} is "kickoff" (field kickoffOn) or "completion" (field goLiveOn). */
    public record DatePage(Ui ui, String id, String planTitle, LifecycleView lifecycle, String step, String field,
                           String value, List<PlanForm.FieldError> errors) {
        public String errorKey(String name) {
            return LifecyclePages.errorKey(errors, name);
        }
    }

    /** The cancellation's form ({@code confirming} false) or its confirmation page. */
    public record CancelPage(Ui ui, String id, String planTitle, LifecycleView lifecycle, String reason,
                             List<PlanForm.FieldError> errors) {
        public String errorKey(String name) {
            return LifecyclePages.errorKey(errors, name);
        }

        /** Back from the confirmation to the form, with the reason as typed. */
        public String backHref() {
            return "/plans/" + id + "/lifecycle/cancellation?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8);
        }
    }

    /** The deliverables as typed into the form, returned unchanged when something is wrong. */
    public record DeliverableForm(String kind, String deliverableTitle, String deliveredOn, String sizeBytes,
                                  String checksum, String link) {
        static DeliverableForm of(Map<String, String> f) {
            return new DeliverableForm(PlanForm.v(f, "kind"), PlanForm.v(f, "deliverableTitle"), PlanForm.v(f, "deliveredOn"), PlanForm.v(f, "sizeBytes"),
                    PlanForm.v(f, "checksum"), PlanForm.v(f, "link"));
        }
    }

    public record DeliverablesPage(Ui ui, String id, String planTitle, LifecycleView lifecycle, List<String> kinds,
                                   DeliverableForm form, List<PlanForm.FieldError> errors, String notice) {
        public String errorKey(String name) {
            return LifecyclePages.errorKey(errors, name);
        }
    }

    static final List<String> KINDS = Stream.of(Deliverable.Kind.values()).map(Enum::name).toList();

    private final UiContext context;
    private final ChangingLifecycle lifecycle;
    private final LifecycleSettings settings;
    private final PlanRegistry plans;
    private final Csrf csrf;
    private final Clock clock;

    LifecyclePages(UiContext context, ChangingLifecycle lifecycle, LifecycleSettings settings, PlanRegistry plans,
                   Csrf csrf, Clock clock) {
        this.context = context;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.plans = plans;
        this.csrf = csrf;
        this.clock = clock;
    }

    @Get("/kickoff")
    Object kickoffForm(HttpRequest<?> request, @PathVariable String id) {
        return UiContext.page("lifecycle/date", datePage(request, id, "kickoff", "", List.of()));
    }

    @Post(value = "/kickoff", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> kickoff(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> body) {
        return changeOnDate(request, id, "kickoff", body, date -> lifecycle.kickoff(id, date));
    }

    @Get("/completion")
    Object completionForm(HttpRequest<?> request, @PathVariable String id) {
        return UiContext.page("lifecycle/date", datePage(request, id, "completion", "", List.of()));
    }

    @Post(value = "/completion", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> complete(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> body) {
        return changeOnDate(request, id, "completion", body, date -> lifecycle.complete(id, date));
    }

    @Get("/cancellation")
    Object cancelForm(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String reason) {
        String typed = reason == null || reason.length() > Lifecycle.MAX_REASON ? "" : reason;
        return UiContext.page("lifecycle/cancel", cancelPage(request, id, typed, List.of()));
    }

    /** Checks the reason and asks for confirmation; nothing is recorded yet. */
    @Post(value = "/cancellation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirmCancel(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> body) {
        if (!csrf.verify(request, body.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        String reason = PlanForm.v(body, "cancelReason");
        var errors = reasonErrors(reason);
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(UiContext.page("lifecycle/cancel", cancelPage(request, id, reason, errors)));
        }
        return HttpResponse.ok(UiContext.page("lifecycle/confirm", cancelPage(request, id, reason.strip(), List.of())));
    }

    @Post(value = "/cancellation/confirmed", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> body) {
        if (!csrf.verify(request, body.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        String reason = PlanForm.v(body, "cancelReason");
        List<PlanForm.FieldError> errors = reasonErrors(reason);
        if (errors.isEmpty()) {
            var result = lifecycle.cancel(id, reason.strip());
            if (result instanceof Transition.Changed) {
                return HttpResponse.seeOther(URI.create("/plans/" + id + "?notice=cancelled"));
            }
            errors = refusal(result);
        }
        return HttpResponse.badRequest(UiContext.page("lifecycle/cancel", cancelPage(request, id, reason, errors)));
    }

    @Get("/deliverables")
    @Secured({Role.SUBMITTER_, Role.COORDINATOR_, Role.AUDITOR_})
    Object deliverables(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String notice) {
        return UiContext.page("lifecycle/deliverables", deliverablesPage(request, id,
                new DeliverableForm("", "", "", "", "", ""), List.of(),
                notice == null || !notice.matches("[a-z]{1,20}") ? null : notice));
    }

    @Post(value = "/deliverables", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deliver(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> body) {
        if (!csrf.verify(request, body.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        var form = DeliverableForm.of(body);
        List<PlanForm.FieldError> errors = new ArrayList<>();
        if (!KINDS.contains(form.kind())) {
            errors.add(error("kind"));
        }
        if (form.deliverableTitle().isBlank() || form.deliverableTitle().length() > Deliverable.MAX_TITLE) {
            errors.add(error("deliverableTitle"));
        }
        LocalDate deliveredOn = date(form.deliveredOn());
        if (deliveredOn == null || deliveredOn.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            errors.add(error("deliveredOn"));
        }
        Long size = null;
        try {
            size = Long.parseLong(form.sizeBytes().strip());
        } catch (NumberFormatException e) {
            errors.add(error("sizeBytes"));
        }
        String checksum = form.checksum().strip().toLowerCase(Locale.ROOT);
        if (!checksum.matches("[0-9a-f]{64}")) {
            errors.add(error("checksum"));
        }
        String link = form.link().strip();
        if (link.length() > Deliverable.MAX_LINK) {
            errors.add(error("link"));
        }
        if (errors.isEmpty()) {
            var result = lifecycle.deliver(id, Deliverable.Kind.valueOf(form.kind()), form.deliverableTitle().strip(),
                    deliveredOn, size, checksum, link.isEmpty() ? null : link);
            if (result instanceof Transition.Changed) {
                return HttpResponse.seeOther(URI.create("/plans/" + id + "/lifecycle/deliverables?notice=delivered"));
            }
            errors = refusal(result);
        }
        return HttpResponse.badRequest(UiContext.page("lifecycle/deliverables",
                deliverablesPage(request, id, form, errors, null)));
    }

    @FunctionalInterface
    private interface DatedChange {
        Transition apply(LocalDate date);
    }

    private HttpResponse<?> changeOnDate(HttpRequest<?> request, String id, String step, Map<String, String> body,
                                         DatedChange change) {
        if (!csrf.verify(request, body.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        String field = fieldOf(step);
        String text = PlanForm.v(body, field);
        LocalDate date = date(text);
        List<PlanForm.FieldError> errors = List.of(error(field));
        if (date != null) {
            var result = change.apply(date);
            if (result instanceof Transition.Changed) {
                return HttpResponse.seeOther(URI.create("/plans/" + id + "?notice=" + (step.equals("kickoff") ? "kickedoff" : "completed")));
            }
            errors = refusal(result);
        }
        return HttpResponse.badRequest(UiContext.page("lifecycle/date", datePage(request, id, step, text, errors)));
    }

    /** The fields to fix of a refusal of the rules; a refusal of the plan's stage or a missing plan is a page of its own. */
    private static List<PlanForm.FieldError> refusal(Transition result) {
        if (result instanceof Transition.Invalid invalid) {
            String field = switch (invalid.field()) {
                case "title" -> "deliverableTitle";
                case "reason" -> "cancelReason";
                default -> invalid.field();
            };
            String key = invalid.message().contains("before the project started") ? "lifecycle.error.goLiveBeforeKickoff"
                    : "lifecycle.error." + field;
            return List.of(new PlanForm.FieldError(field, key));
        }
        if (result instanceof Transition.NotAllowed notAllowed) {
            throw ProblemException.conflict(notAllowed.message());
        }
        throw ProblemException.notFound("Plan", ((Transition.NoSuchPlan) result).planId());
    }

    private static List<PlanForm.FieldError> reasonErrors(String reason) {
        return reason.isBlank() || reason.length() > Lifecycle.MAX_REASON ? List.of(error("cancelReason")) : List.of();
    }

    private DatePage datePage(HttpRequest<?> request, String id, String step, String value,
                              List<PlanForm.FieldError> errors) {
        return new DatePage(context.of(request), id, title(id), view(id), step, fieldOf(step), value, errors);
    }

    private CancelPage cancelPage(HttpRequest<?> request, String id, String reason, List<PlanForm.FieldError> errors) {
        return new CancelPage(context.of(request), id, title(id), view(id), reason, errors);
    }

    private DeliverablesPage deliverablesPage(HttpRequest<?> request, String id, DeliverableForm form,
                                              List<PlanForm.FieldError> errors, String notice) {
        return new DeliverablesPage(context.of(request), id, title(id), view(id), KINDS, form, errors, notice);
    }

    private String title(String id) {
        return PlanProblems.found(plans.find(id), id).content().title();
    }

    private LifecycleView view(String id) {
        return lifecycle.recordOf(id).map(r -> LifecycleView.of(r, clock.instant(), settings.staleAfter()))
                .orElseThrow(() -> ProblemException.notFound("A decided plan", id));
    }

    private static String fieldOf(String step) {
        return step.equals("kickoff") ? "kickoffOn" : "goLiveOn";
    }

    static String errorKey(List<PlanForm.FieldError> errors, String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(PlanForm.FieldError::key).findFirst().orElse(null);
    }

    private static PlanForm.FieldError error(String field) {
        return new PlanForm.FieldError(field, "lifecycle.error." + field);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A refusal of the services (not found, conflict) as a page, not as the API's problem+json. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> refused(HttpRequest<?> request, ProblemException problem) {
        return ErrorPages.of(context, request, problem);
    }
}
