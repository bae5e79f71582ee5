package org.preconsult.web.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.preconsult.catalogue.application.BestPracticeMarks;
import org.preconsult.catalogue.application.BrowsingCatalogue;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.model.Role;
import org.preconsult.node.NodeSettings;
import org.preconsult.practice.application.BestPractices;
import org.preconsult.practice.model.BestPracticeMark;
import org.preconsult.practice.model.Marking;
import org.preconsult.web.infrastructure.Csrf;

/**
 * The best-practice mark of this node on a catalogue entry, for a reviewer or operator at a
 * province or central: mark it with a reason (or change the reason), or withdraw the mark. Calls
 * {@link BestPractices}, the service of the best-practice API, so the audit log and the mark sent
 * down to the subtree are the same.
 */
@Controller("/catalogue/best-practice")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.REVIEWER_, Role.OPERATOR_})
// Public only so that the precompiled templates (another package) can name its page records.
public class PracticePages {

    /** The form: the entry, this node's reason as typed (or as marked), and whether this node's mark is in force. */
    public record PracticePage(Ui ui, String entryId, String entryName, String reason, boolean marked,
                               List<PlanForm.FieldError> errors) {
        public String errorKey(String name) {
            return LifecyclePages.errorKey(errors, name);
        }

        public String entryHref() {
            return entryHref(entryId, null);
        }

        static String entryHref(String entryId, String notice) {
            return "/catalogue/entry?id=" + URLEncoder.encode(entryId, StandardCharsets.UTF_8)
                    + (notice == null ? "" : "&notice=" + notice);
        }
    }

    private final UiContext context;
    private final BestPractices practices;
    private final BestPracticeMarks marks;
    private final BrowsingCatalogue catalogue;
    private final NodeSettings node;
    private final Csrf csrf;

    PracticePages(UiContext context, BestPractices practices, BestPracticeMarks marks, BrowsingCatalogue catalogue,
                  NodeSettings node, Csrf csrf) {
        this.context = context;
        this.practices = practices;
        this.marks = marks;
        this.catalogue = catalogue;
        this.node = node;
        this.csrf = csrf;
    }

    @Get
    Object form(HttpRequest<?> request, @QueryValue String id) {
        String own = ownReason(id);
        return UiContext.page("catalogue/practice", page(request, id, own == null ? "" : own, List.of()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> mark(HttpRequest<?> request, @Body Map<String, String> body) {
        if (!csrf.verify(request, body.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        String id = PlanForm.v(body, "id");
        String reason = PlanForm.v(body, "practiceReason");
        PlanForm.FieldError error;
        if (reason.isBlank()) {
            error = new PlanForm.FieldError("practiceReason", "practice.error.reason");
        } else if (reason.length() > BestPracticeMark.MAX_REASON) {
            error = new PlanForm.FieldError("practiceReason", "practice.error.reasonLength");
        } else {
            var result = practices.mark(id, reason.strip());
            if (result instanceof Marking.Marked) {
                return HttpResponse.seeOther(URI.create(PracticePage.entryHref(id, "marked")));
            }
            error = refusal(id, result);
        }
        return HttpResponse.badRequest(UiContext.page("catalogue/practice", page(request, id, reason, List.of(error))));
    }

    @Post(value = "/withdrawal", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(HttpRequest<?> request, @Body Map<String, String> body) {
        if (!csrf.verify(request, body.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        String id = PlanForm.v(body, "id");
        var result = practices.withdraw(id);
        if (result instanceof Marking.Marked) {
            return HttpResponse.seeOther(URI.create(PracticePage.entryHref(id, "withdrawn")));
        }
        var error = refusal(id, result);
        return HttpResponse.status(HttpStatus.CONFLICT).body(UiContext.page("catalogue/practice",
                page(request, id, "", List.of(error))));
    }

    private PracticePage page(HttpRequest<?> request, String id, String reason, List<PlanForm.FieldError> errors) {
        var entry = catalogue.find(id).orElseThrow(() -> ProblemException.notFound("Catalogue entry", id));
        return new PracticePage(context.of(request), id, entry.entry().name(), reason, ownReason(id) != null, errors);
    }

    /** This node's reason for its mark in force on the entry, or null. */
    private String ownReason(String id) {
        return marks.marksOf(List.of(id)).getOrDefault(id, List.of()).stream()
                .filter(m -> m.markingNode().equals(node.id())).map(m -> m.reason()).findFirst().orElse(null);
    }

    private static PlanForm.FieldError refusal(String id, Marking.Result result) {
        if (result instanceof Marking.NoSuchEntry) {
            throw ProblemException.notFound("Catalogue entry", id);
        }
        if (result instanceof Marking.Invalid) {
            return new PlanForm.FieldError("practiceReason", "practice.error.reason");
        }
        return new PlanForm.FieldError("practiceReason", "practice.error.notAllowed");
    }

    /** A refusal of the services (not found) as a page, not as the API's problem+json. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> refused(HttpRequest<?> request, ProblemException problem) {
        return ErrorPages.of(context, request, problem);
    }
}
