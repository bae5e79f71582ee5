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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.preconsult.adoption.application.Adoptions;
import org.preconsult.adoption.model.Adoption;
import org.preconsult.adoption.model.AdoptionState;
import org.preconsult.adoption.model.ChangeNotice;
import org.preconsult.adoption.model.Outcome;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.common.api.ProblemException;
import org.preconsult.common.model.RuleText;
import org.preconsult.federation.model.AdoptionBounds;
import org.preconsult.identity.model.Role;
import org.preconsult.web.infrastructure.Csrf;

/**
 * The pages of adoption between governments: the request from a catalogue entry of another
 * government (coordinator), the incoming and outgoing adoptions, and an adoption with its answer
 * forms (the owner's coordinator or operator) and its change notices (either side's coordinator).
 * Calls {@link Adoptions}, the service of the adoption API, so the audit log and the messages to the
 * other government are the same.
 */
@Controller("/adoptions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.COORDINATOR_, Role.OPERATOR_, Role.AUDITOR_})
// Public only so that the precompiled templates (another package) can name its page records.
public class AdoptionPages {

    static final int PAGE_SIZE = 25;
    /** How many of this government's own entries the copy's list offers; any other is entered by its id. */
    static final int MAX_COPIES = 200;

    /** One adoption in a list: the other government is the adopter of an incoming one, the owner of an outgoing one. */
    public record AdoptionRow(String id, String href, String entryName, String otherGovernment, String state,
                              Instant requestedAt, Instant answeredAt) {
    }

    public record ListPage(Ui ui, List<AdoptionRow> incoming, int inPage, int inPages, long inTotal,
                           List<AdoptionRow> outgoing, int outPage, int outPages, long outTotal, String notice) {
        /** Where the incoming list's pages are, keeping the outgoing list's page. */
        public String incomingBase() {
            return "/adoptions?out=" + outPage;
        }

        public String outgoingBase() {
            return "/adoptions?in=" + inPage;
        }
    }

    /** One of this government's own catalogue entries, offered as the customized copy. */
    public record Copy(String id, String name) {
    }

    /** The request form as typed: returned unchanged when something is wrong. */
    public record RequestForm(String entryId, String copyChoice, String copyEntryId, String motivation) {
        static RequestForm of(Map<String, String> f) {
            return new RequestForm(PlanForm.v(f, "entryId"), PlanForm.v(f, "copyChoice"), PlanForm.v(f, "copyEntryId"), PlanForm.v(f, "motivation"));
        }

        static RequestForm empty(String entryId) {
            return new RequestForm(entryId, "", "", "");
        }
    }

    /**
     * What an entry page of another government shows about adopting it: this government's adoption
     * of it when there is one still open or accepted, else the request form (to a coordinator).
     */
    public record Panel(String existingId, String existingState, RequestForm form, List<Copy> copies) {
        public String existingHref() {
            return existingId == null ? null : href(existingId);
        }
    }

    /** The request form on a page of its own, when what was posted must be fixed. */
    public record RequestPage(Ui ui, String entryName, String owner, RequestForm form, List<Copy> copies,
                              List<PlanForm.FieldError> errors, String problem) {
        public String errorKey(String field) {
            return LifecyclePages.errorKey(errors, field);
        }

        public String entryHref() {
            return CheckView.entryHref(form.entryId());
        }
    }

    /** A change notice as a page shows it: sent or received, written by a person or sent by itself. */
    public record NoticeRow(boolean sent, String otherGovernment, Instant sentAt, String text, String autoKey,
                            String entryName, String status, long version) {
        public boolean automatic() {
            return autoKey != null;
        }
    }

    /** The answer and notice forms as typed. */
    public record AnswerForm(String acceptReason, String declineReason, String noticeText) {
        static AnswerForm empty() {
            return new AnswerForm("", "", "");
        }
    }

    public record ShowPage(Ui ui, Adoption adoption, String copyName, boolean incoming, boolean canAnswer,
                           boolean canNotify, List<NoticeRow> notices, AnswerForm form, List<PlanForm.FieldError> errors,
                           String notice) {
        public String errorKey(String field) {
            return LifecyclePages.errorKey(errors, field);
        }

        public String href() {
            return AdoptionPages.href(adoption.id());
        }

        public String entryHref() {
            return CheckView.entryHref(adoption.entryId());
        }

        public String copyHref() {
            return adoption.copyEntryId() == null ? null : CheckView.entryHref(adoption.copyEntryId());
        }

        /**
         * Who acted, when it was a person of this node; an answer or request that came from the other
         * government names its node (already shown as a government), not a person, and is left out.
         */
        public String person(String actor) {
            return actor == null || actor.startsWith(CurrentActor.federation("")) ? null : actor;
        }
    }

    private final UiContext context;
    private final Adoptions adoptions;
    private final Catalogue catalogue;
    private final Csrf csrf;

    AdoptionPages(UiContext context, Adoptions adoptions, Catalogue catalogue, Csrf csrf) {
        this.context = context;
        this.adoptions = adoptions;
        this.catalogue = catalogue;
        this.csrf = csrf;
    }

    @Get
    Object list(HttpRequest<?> request, @Nullable @QueryValue("in") Integer in, @Nullable @QueryValue Integer out,
                @Nullable @QueryValue String notice) {
        // Incoming requests still waiting for this government's answer come first, then the newest.
        var incoming = adoptions.list(true).stream()
                .sorted(Comparator.comparing((Adoption a) -> a.state() != AdoptionState.REQUESTED)
                        .thenComparing(Adoption::requestedAt, Comparator.reverseOrder())).toList();
        var outgoing = adoptions.list(false);
        int inPages = pages(incoming.size());
        int outPages = pages(outgoing.size());
        int ip = page(in, inPages);
        int op = page(out, outPages);
        return UiContext.page("adoptions/list", new ListPage(context.of(request),
                rows(incoming, ip, true), ip, inPages, incoming.size(),
                rows(outgoing, op, false), op, outPages, outgoing.size(),
                notice == null || !notice.matches("[a-z]{1,20}") ? null : notice));
    }

    @Get("/{id}")
    Object show(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String notice) {
        return UiContext.page("adoptions/show", showPage(request, id, AnswerForm.empty(), List.of(),
                notice == null || !notice.matches("[a-z]{1,20}") ? null : notice));
    }

    /** A coordinator asks the owner of another government's entry to let this government adopt it. */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.COORDINATOR_)
    HttpResponse<?> request(HttpRequest<?> request, @Body Map<String, String> body) {
        if (!csrf.verify(request, body.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        var form = RequestForm.of(body);
        var entry = form.entryId().length() > AdoptionBounds.ENTRY_ID ? null : catalogue.find(form.entryId()).orElse(null);
        if (entry == null) {
            throw ProblemException.notFound("Catalogue entry", form.entryId());
        }
        String copy = form.copyEntryId().strip().isEmpty() ? form.copyChoice().strip() : form.copyEntryId().strip();
        List<PlanForm.FieldError> errors = new ArrayList<>();
        if (copy.length() > AdoptionBounds.ENTRY_ID) {
            errors.add(new PlanForm.FieldError("copyEntryId", "adoptions.error.copyEntryId"));
        }
        if (form.motivation().length() > AdoptionBounds.TEXT) {
            errors.add(new PlanForm.FieldError("motivation", "adoptions.error.motivation"));
        }
        String problem = null;
        if (errors.isEmpty()) {
            var outcome = adoptions.request(entry.id(), copy.isEmpty() ? null : copy, blankToNull(form.motivation()));
            if (outcome instanceof Outcome.Done done) {
                return HttpResponse.seeOther(URI.create(href(done.adoption().id()) + "?notice=requested"));
            } else if (outcome instanceof Outcome.Invalid) {
                errors.add(new PlanForm.FieldError("copyEntryId", "adoptions.error.copyEntryId"));
            } else if (outcome instanceof Outcome.Refused refused) {
                problem = requestRefusal(refused.reason());
            } else {
                throw ProblemException.notFound("Catalogue entry", entry.id());
            }
        }
        return HttpResponse.badRequest(UiContext.page("adoptions/request", new RequestPage(context.of(request),
                entry.name(), entry.owner(), form, copies(), errors, problem)));
    }

    /**
     * The refusals a person can act on, as a message of the page; the others (this node's own entry,
     * a closed one) are not offered by the entry page and get the conflict page.
     */
    private static String requestRefusal(String reason) {
        if (reason.startsWith("The owner cannot be reached")) {
            return "adoptions.error.unreachable";
        }
        if (reason.contains("has already asked to adopt")) {
            return "adoptions.error.alreadyAsked";
        }
        throw ProblemException.conflict(reason);
    }

    @Post(value = "/{id}/acceptance", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.COORDINATOR_, Role.OPERATOR_})
    HttpResponse<?> accept(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> body) {
        if (!csrf.verify(request, body.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        String reason = PlanForm.v(body, "acceptReason");
        if (reason.length() > AdoptionBounds.TEXT) {
            return invalid(request, id, new AnswerForm(reason, "", ""), "acceptReason");
        }
        return answered(adoptions.answer(id, true, blankToNull(reason)), "accepted");
    }

    @Post(value = "/{id}/decline", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.COORDINATOR_, Role.OPERATOR_})
    HttpResponse<?> decline(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> body) {
        if (!csrf.verify(request, body.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        String reason = PlanForm.v(body, "declineReason");
        if (reason.isBlank() || reason.length() > AdoptionBounds.TEXT) {
            return invalid(request, id, new AnswerForm("", reason, ""), "declineReason");
        }
        return answered(adoptions.answer(id, false, reason.strip()), "declined");
    }

    @Post(value = "/{id}/notices", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.COORDINATOR_)
    HttpResponse<?> notice(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> body) {
        if (!csrf.verify(request, body.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        String text = PlanForm.v(body, "noticeText");
        if (text.isBlank() || text.length() > AdoptionBounds.TEXT) {
            return invalid(request, id, new AnswerForm("", "", text), "noticeText");
        }
        return answered(adoptions.notice(id, text.strip()), "noticeSent");
    }

    private HttpResponse<?> invalid(HttpRequest<?> request, String id, AnswerForm form, String field) {
        return HttpResponse.badRequest(UiContext.page("adoptions/show", showPage(request, id, form,
                List.of(new PlanForm.FieldError(field, "adoptions.error." + field)), null)));
    }

    /** The change done: back to the adoption with a notice; a refusal of the service is its page. */
    private static HttpResponse<?> answered(Outcome outcome, String notice) {
        if (outcome instanceof Outcome.Done done) {
            return HttpResponse.seeOther(URI.create(href(done.adoption().id()) + "?notice=" + notice));
        }
        if (outcome instanceof Outcome.NotFound missing) {
            throw ProblemException.notFound(missing.what(), missing.id());
        }
        if (outcome instanceof Outcome.Refused refused) {
            throw ProblemException.conflict(refused.reason());
        }
        // The forms check their fields before the service; a field it still refuses is a bad request.
        throw new ProblemException(HttpStatus.BAD_REQUEST, ((Outcome.Invalid) outcome).message());
    }

    private ShowPage showPage(HttpRequest<?> request, String id, AnswerForm form, List<PlanForm.FieldError> errors,
                              String notice) {
        var adoption = (id.length() > AdoptionBounds.ID ? java.util.Optional.<Adoption>empty() : adoptions.get(id))
                .orElseThrow(() -> ProblemException.notFound("Adoption", id));
        var ui = context.of(request);
        String here = adoptions.nodeId();
        boolean incoming = adoption.ownerNode().equals(here);
        boolean canAnswer = incoming && adoption.state() == AdoptionState.REQUESTED
                && (ui.has(Role.COORDINATOR.name()) || ui.has(Role.OPERATOR.name()));
        boolean canNotify = adoption.accepted() && ui.has(Role.COORDINATOR.name());
        var notices = adoptions.notices(id).stream().map(n -> noticeRow(adoption, n, here)).toList();
        String copyName = adoption.copyEntryId() == null ? null
                : catalogue.find(adoption.copyEntryId()).map(CatalogueEntry::name).orElse(adoption.copyEntryId());
        return new ShowPage(ui, adoption, copyName, incoming, canAnswer, canNotify, notices, form, errors, notice);
    }

    private static NoticeRow noticeRow(Adoption a, ChangeNotice n, String here) {
        boolean sent = n.fromNode().equals(here);
        String other = government(a, sent ? n.toNode() : n.fromNode());
        var auto = RuleText.parse(n.text(), ChangeNotice.TEXTS);
        if (auto.isPresent()) {
            return new NoticeRow(sent, other, n.sentAt(), null, auto.get().key(), auto.get().args().get(0),
                    n.changedStatus(), n.changedVersion());
        }
        return new NoticeRow(sent, other, n.sentAt(), n.text() == null ? "" : n.text(), null, null, null, 0);
    }

    /** A government of the adoption by its node: its name and node id. */
    private static String government(Adoption a, String node) {
        String name = node.equals(a.ownerNode()) ? a.ownerName() : node.equals(a.adopterNode()) ? a.adopterName() : null;
        return name == null || name.isBlank() ? node : name + " (" + node + ")";
    }

    /** The entry page's part about adopting {@code entry}; null when the entry is not another government's or nothing applies. */
    Panel panel(Ui ui, CatalogueEntry entry) {
        String here = adoptions.nodeId();
        if (entry.originNode() == null || entry.originNode().equals(here)
                || !(ui.has(Role.COORDINATOR.name()) || ui.has(Role.OPERATOR.name()) || ui.has(Role.AUDITOR.name()))) {
            return null;
        }
        var existing = adoptions.list(false).stream()
                .filter(a -> a.entryId().equals(entry.id()) && a.state() != AdoptionState.DECLINED).findFirst();
        if (existing.isPresent()) {
            return new Panel(existing.get().id(), existing.get().state().name(), null, List.of());
        }
        if (!ui.has(Role.COORDINATOR.name()) || !entry.isCandidate()) {
            return null;
        }
        return new Panel(null, null, RequestForm.empty(entry.id()), copies());
    }

    private List<Copy> copies() {
        return catalogue.ownedBy(adoptions.nodeId(), MAX_COPIES).stream().filter(CatalogueEntry::isCandidate)
                .map(e -> new Copy(e.id(), e.name())).toList();
    }

    private static List<AdoptionRow> rows(List<Adoption> all, int page, boolean incoming) {
        return all.stream().skip((long) (page - 1) * PAGE_SIZE).limit(PAGE_SIZE)
                .map(a -> new AdoptionRow(a.id(), href(a.id()), a.entryName() == null ? a.entryId() : a.entryName(),
                        incoming ? government(a, a.adopterNode()) : government(a, a.ownerNode()), a.state().name(),
                        a.requestedAt(), a.answeredAt()))
                .toList();
    }

    private static int pages(int size) {
        return Math.max(1, (size + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    private static int page(Integer asked, int pages) {
        return asked == null || asked < 1 ? 1 : Math.min(asked, pages);
    }

    /** The GOV.UK tag colour of a state: open blue, accepted green, declined red. */
    public static String tagClass(String state) {
        return switch (state) {
            case "ACCEPTED" -> "govuk-tag--green";
            case "DECLINED" -> "govuk-tag--red";
            default -> "govuk-tag--blue";
        };
    }

    static String href(String adoptionId) {
        // The id's colons (node:adoption:random) are kept as they are: they are allowed in a path.
        return "/adoptions/" + URLEncoder.encode(adoptionId, StandardCharsets.UTF_8).replace("%3A", ":");
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
