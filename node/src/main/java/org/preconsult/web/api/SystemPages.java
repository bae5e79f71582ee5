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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.preconsult.catalogue.api.CatalogueExportController;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.common.api.Bounds;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.model.Role;
import org.preconsult.lifecycle.application.RetiringSystems;
import org.preconsult.lifecycle.model.Lifecycle;
import org.preconsult.lifecycle.model.Retirement;
import org.preconsult.node.NodeSettings;
import org.preconsult.catalogue.model.EntryIds;
import org.preconsult.system.api.SystemProblems;
import org.preconsult.system.application.SystemExports;
import org.preconsult.system.application.SystemRegistry;
import org.preconsult.system.model.InformationSystem;
import org.preconsult.web.infrastructure.Csrf;

/**
 * The coordinator's pages of the government's existing systems: the list (paginated), register,
 * edit and retire, on the same services as the systems and lifecycle API. A retired system becomes
 * a tombstone in every catalogue.
 */
@Controller("/systems")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.SUBMITTER_, Role.COORDINATOR_, Role.AUDITOR_})
// Public only so that the precompiled templates (another package) can name its page records.
public class SystemPages {

    static final int PAGE_SIZE = 25;

    public record SystemRow(String id, String name, String functionCode, String status, Integer goLiveYear,
                            Instant updatedAt, String href) {
    }

    public record SystemListPage(Ui ui, List<SystemRow> systems, int page, int pages, long total, String notice) {
    }

    /** The system form as typed: every field as text, returned unchanged when something is wrong. */
    public record SystemForm(String name, String description, String functions, String functionCode, String platform,
                             String status, String goLiveYear, String language) {
        static SystemForm of(Map<String, String> f) {
            return new SystemForm(PlanForm.v(f, "name"), PlanForm.v(f, "description"), PlanForm.v(f, "functions"), PlanForm.v(f, "functionCode"),
                    PlanForm.v(f, "platform"), PlanForm.v(f, "status"), PlanForm.v(f, "goLiveYear"), PlanForm.v(f, "language"));
        }

        static SystemForm of(InformationSystem s) {
            return new SystemForm(n(s.name()), n(s.description()), String.join("\n", s.functions()), n(s.functionCode()),
                    n(s.platform()), s.status().name(), s.goLiveYear() == null ? "" : s.goLiveYear().toString(), n(s.language()));
        }

        static SystemForm empty() {
            return new SystemForm("", "", "", "", "", EntryStatus.OPERATING.name(), "", "");
        }
    }

    /** The system form page: register ({@code id} null) or edit. */
    public record SystemFormPage(Ui ui, String id, SystemForm form, List<String> statuses, List<PlanForm.FieldError> errors) {
        public String errorKey(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).map(PlanForm.FieldError::key).findFirst().orElse(null);
        }
    }

    public record RetirePage(Ui ui, String id, String name, String status, String retiredOn, String reason,
                             List<PlanForm.FieldError> errors, String problem) {
        public String errorKey(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).map(PlanForm.FieldError::key).findFirst().orElse(null);
        }
    }

    /** Statuses an existing system may be registered or changed to; retiring has its own page and rule. */
    static final List<String> STATUSES = List.of(EntryStatus.PLANNED.name(), EntryStatus.IN_PROGRESS.name(),
            EntryStatus.OPERATING.name());

    private final UiContext context;
    private final SystemRegistry systems;
    private final RetiringSystems retiring;
    private final Csrf csrf;
    private final Clock clock;
    private final NodeSettings node;

    private final SystemExports exports;

    SystemPages(UiContext context, SystemRegistry systems, RetiringSystems retiring, Csrf csrf, Clock clock,
                NodeSettings node, SystemExports exports) {
        this.exports = exports;
        this.node = node;
        this.context = context;
        this.systems = systems;
        this.retiring = retiring;
        this.csrf = csrf;
        this.clock = clock;
    }

    @Get
    Object list(HttpRequest<?> request, @Nullable @QueryValue Integer page, @Nullable @QueryValue String notice) {
        int p = page == null || page < 1 ? 1 : Math.min(page, 100_000);
        var found = systems.list(Pageable.from(p - 1, PAGE_SIZE, Sort.of(Sort.Order.asc("name"))));
        var rows = found.getContent().stream().map(s -> new SystemRow(s.id(), s.name(), s.functionCode(), s.status().name(),
                s.goLiveYear(), s.updatedAt(), CheckView.entryHref(EntryIds.system(node.id(), s.id())))).toList();
        return UiContext.page("systems/list", new SystemListPage(context.of(request), rows, p,
                Math.max(1, found.getTotalPages()), found.getTotalSize(),
                notice == null || !notice.matches("[a-z]{1,20}") ? null : notice));
    }

    /** The registry as CSV, the catalogue import's format: the same download as the API's. */
    @Get(value = "/export.csv", produces = "text/csv")
    HttpResponse<String> registryCsv() {
        return CatalogueExportController.csv(exports.registry(), SystemExports.REGISTRY_FILE);
    }

    /** One system as publiccode.yml, as the API gives it; an unknown system is the not-found page. */
    @Get(value = "/{id}/publiccode.yml", produces = "application/yaml")
    HttpResponse<String> publicCode(@PathVariable String id) {
        var yaml = exports.publicCode(id).orElseThrow(() -> ProblemException.notFound("System", id));
        return HttpResponse.ok(yaml).contentType(CatalogueExportController.YAML)
                .header("Content-Disposition", "attachment; filename=\"publiccode.yml\"");
    }

    @Get("/new")
    @Secured(Role.COORDINATOR_)
    Object newSystem(HttpRequest<?> request) {
        return UiContext.page("systems/form", new SystemFormPage(context.of(request), null, SystemForm.empty(), STATUSES, List.of()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.COORDINATOR_)
    HttpResponse<?> register(HttpRequest<?> request, @Body Map<String, String> body) {
        if (!csrf.verify(request, body.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        var form = SystemForm.of(body);
        List<PlanForm.FieldError> errors = new ArrayList<>();
        var command = parse(form, errors);
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(UiContext.page("systems/form",
                    new SystemFormPage(context.of(request), null, form, STATUSES, errors)));
        }
        systems.register(command);
        return HttpResponse.seeOther(URI.create("/systems?notice=registered"));
    }

    @Get("/{id}/edit")
    @Secured(Role.COORDINATOR_)
    Object edit(HttpRequest<?> request, @PathVariable String id) {
        var s = SystemProblems.found(systems.find(id), id);
        if (s.status() == EntryStatus.RETIRED) {
            throw new ProblemException(HttpStatus.CONFLICT, "The system is retired; a retired system is not changed.");
        }
        return UiContext.page("systems/form", new SystemFormPage(context.of(request), id, SystemForm.of(s), STATUSES, List.of()));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.COORDINATOR_)
    HttpResponse<?> change(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> body) {
        if (!csrf.verify(request, body.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        var current = SystemProblems.found(systems.find(id), id);
        if (current.status() == EntryStatus.RETIRED) {
            throw new ProblemException(HttpStatus.CONFLICT, "The system is retired; a retired system is not changed.");
        }
        var form = SystemForm.of(body);
        List<PlanForm.FieldError> errors = new ArrayList<>();
        var command = parse(form, errors);
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(UiContext.page("systems/form",
                    new SystemFormPage(context.of(request), id, form, STATUSES, errors)));
        }
        SystemProblems.found(systems.change(id, command), id);
        return HttpResponse.seeOther(URI.create("/systems?notice=changed"));
    }

    @Get("/{id}/retire")
    @Secured(Role.COORDINATOR_)
    Object retireForm(HttpRequest<?> request, @PathVariable String id) {
        var s = SystemProblems.found(systems.find(id), id);
        return UiContext.page("systems/retire", new RetirePage(context.of(request), id, s.name(), s.status().name(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString(), "", List.of(), null));
    }

    @Post(value = "/{id}/retire", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.COORDINATOR_)
    HttpResponse<?> retire(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> body) {
        if (!csrf.verify(request, body.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        var s = SystemProblems.found(systems.find(id), id);
        String dateText = PlanForm.v(body, "retiredOn");
        String reason = PlanForm.v(body, "reason");
        List<PlanForm.FieldError> errors = new ArrayList<>();
        LocalDate retiredOn = null;
        try {
            retiredOn = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            errors.add(new PlanForm.FieldError("retiredOn", "plan.error.date"));
        }
        if (reason.length() > Lifecycle.MAX_REASON) {
            errors.add(new PlanForm.FieldError("reason", "plan.error.tooLong"));
        }
        String problem = null;
        if (errors.isEmpty()) {
            var result = retiring.retire(id, retiredOn, reason);
            if (result instanceof Retirement.Allowed) {
                return HttpResponse.seeOther(URI.create("/systems?notice=retired"));
            } else if (result instanceof Retirement.Invalid invalid) {
                errors.add(new PlanForm.FieldError(invalid.field(), invalid.field().equals("reason")
                        ? "systems.error.reason" : "systems.error.retiredOn"));
            } else if (result instanceof Retirement.NotAllowed) {
                problem = "systems.error.alreadyRetired";
            } else {
                throw ProblemException.notFound("System", id);
            }
        }
        return HttpResponse.badRequest(UiContext.page("systems/retire", new RetirePage(context.of(request), id, s.name(),
                s.status().name(), dateText, reason, errors, problem)));
    }

    /** The command of a valid form, or the fields to fix added to {@code errors}; the bounds are the API's. */
    private static SystemRegistry.SystemCommand parse(SystemForm f, List<PlanForm.FieldError> errors) {
        if (f.name().isBlank()) {
            errors.add(new PlanForm.FieldError("name", "systems.error.name"));
        } else if (f.name().length() > Bounds.TITLE) {
            errors.add(new PlanForm.FieldError("name", "plan.error.tooLong"));
        }
        if (f.description().length() > Bounds.LONG_TEXT) {
            errors.add(new PlanForm.FieldError("description", "plan.error.tooLong"));
        }
        List<String> functions = f.functions().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (functions.size() > Bounds.FUNCTIONS || functions.stream().anyMatch(s -> s.length() > Bounds.FUNCTION)) {
            errors.add(new PlanForm.FieldError("functions", "plan.error.tooLong"));
        }
        if (f.functionCode().length() > Bounds.FUNCTION_CODE) {
            errors.add(new PlanForm.FieldError("functionCode", "plan.error.tooLong"));
        }
        if (f.platform().length() > Bounds.PLATFORM) {
            errors.add(new PlanForm.FieldError("platform", "plan.error.tooLong"));
        }
        if (f.language().length() > Bounds.LANGUAGE) {
            errors.add(new PlanForm.FieldError("language", "plan.error.tooLong"));
        }
        if (!STATUSES.contains(f.status())) {
            errors.add(new PlanForm.FieldError("status", "systems.error.status"));
        }
        Integer year = null;
        if (!f.goLiveYear().isBlank()) {
            try {
                year = Integer.parseInt(f.goLiveYear().strip());
                if (year < 1950 || year > 2100) {
                    errors.add(new PlanForm.FieldError("goLiveYear", "systems.error.year"));
                }
            } catch (NumberFormatException e) {
                errors.add(new PlanForm.FieldError("goLiveYear", "systems.error.year"));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new SystemRegistry.SystemCommand(f.name().strip(), blankToNull(f.description()), functions,
                blankToNull(f.functionCode()), blankToNull(f.platform()), EntryStatus.valueOf(f.status()), year,
                blankToNull(f.language()));
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A refusal of the services (not found, conflict) as a page, not as the API's problem+json. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> refused(HttpRequest<?> request, ProblemException problem) {
        return ErrorPages.of(context, request, problem);
    }
}
