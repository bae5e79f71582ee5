package org.preconsult.web.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.preconsult.catalogue.api.EntryImportItem;
import org.preconsult.catalogue.importing.CsvEntries;
import org.preconsult.catalogue.importing.ImportOutcome;
import org.preconsult.catalogue.importing.ImportTexts;
import org.preconsult.catalogue.importing.ImportViolation;
import org.preconsult.catalogue.importing.ImportingCatalogue;
import org.preconsult.catalogue.importing.PublicCodeEntries;
import org.preconsult.catalogue.importing.ReadResult;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.model.Role;
import org.preconsult.review.application.ReviewPolicy;
import org.preconsult.signing.application.KeyRing;
import org.preconsult.signing.application.RejectedDecisions;
import org.preconsult.signing.application.RotatingNodeKey;
import org.preconsult.signing.infrastructure.NodeKeys;
import org.preconsult.web.infrastructure.Csrf;

/**
 * The operator's pages for the catalogue import (CSV, JSON or publiccode.yml, with a report per
 * refused row), the review policy and the node's signing keys, on the services of the import,
 * review-policy and node-trust APIs.
 */
@Controller("/operator")
@ExecuteOn(TaskExecutors.BLOCKING)
// Public only so that the precompiled templates (another package) can name its page records.
public class AdminPages {

    /** The largest upload the import page reads (Micronaut's default multipart limit); the API takes larger bodies. */
    static final int MAX_UPLOAD = 1024 * 1024;
    static final List<String> FORMATS = List.of("csv", "json", "publiccode");

    /** One refused row of an import: its label in the source, the field and why. */
    public record Refusal(String entry, String field, String message) {

        /** The field within its entry ({@code kind} of {@code row 3.kind}); empty when the whole row was refused. */
        public String fieldInEntry() {
            if (field.equals(entry)) {
                return "";
            }
            return !entry.isEmpty() && field.startsWith(entry + ".") ? field.substring(entry.length() + 1) : field;
        }
    }

    /** What the upload did: nothing (refused, with each row's reasons) or the counts of what was written. */
    public record ImportReport(boolean imported, String detail, List<Refusal> refused, long created, long updated,
                               long unchanged, List<ImportOutcome.EntryImported> entries) {
    }

    public record ImportPage(Ui ui, String format, List<String> formats, List<PlanForm.FieldError> errors,
                             ImportReport report) {
    }

    public record PolicyPage(Ui ui, boolean automaticDecisions, String minConfidence, List<PlanForm.FieldError> errors,
                             boolean saved, boolean canChange) {
    }

    public record KeyRow(String nodeId, String keyId, String algorithm, Instant createdAt, Instant retiredAt, boolean active) {
    }

    public record RejectedRow(String decisionId, String signerNode, String keyId, String reason, String detail,
                              Instant rejectedAt) {
    }

    public record KeysPage(Ui ui, List<KeyRow> own, List<KeyRow> trusted, List<RejectedRow> rejected, long rejectedTotal,
                           boolean rotated) {
    }

    private final UiContext context;
    private final ImportingCatalogue importing;
    private final ReviewPolicy policy;
    private final NodeKeys keys;
    private final KeyRing keyRing;
    private final RotatingNodeKey rotating;
    private final RejectedDecisions rejected;
    private final JsonMapper json;
    private final Csrf csrf;

    AdminPages(UiContext context, ImportingCatalogue importing, ReviewPolicy policy, NodeKeys keys, KeyRing keyRing,
               RotatingNodeKey rotating, RejectedDecisions rejected, JsonMapper json, Csrf csrf) {
        this.context = context;
        this.importing = importing;
        this.policy = policy;
        this.keys = keys;
        this.keyRing = keyRing;
        this.rotating = rotating;
        this.rejected = rejected;
        this.json = json;
        this.csrf = csrf;
    }

    @Get("/import")
    @Secured(Role.OPERATOR_)
    Object importForm(HttpRequest<?> request) {
        return UiContext.page("operator/import", new ImportPage(context.of(request), "csv", FORMATS, List.of(), null));
    }

    /**
     * Imports an uploaded file: all of it, or nothing when any row is refused, as the API does. The
     * report lists every refused row with its field and reason.
     */
    @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured(Role.OPERATOR_)
    HttpResponse<?> importFile(HttpRequest<?> request, @Nullable @Part("_csrf") String token,
                               @Nullable @Part("format") String format, @Nullable @Part("file") byte[] file) {
        if (!csrf.verify(request, token)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        String chosen = format == null ? "" : format;
        List<PlanForm.FieldError> errors = new ArrayList<>();
        if (!FORMATS.contains(chosen)) {
            errors.add(new PlanForm.FieldError("format", "import.error.format"));
        }
        if (file == null || file.length == 0) {
            errors.add(new PlanForm.FieldError("file", "import.error.file"));
        } else if (file.length > MAX_UPLOAD) {
            errors.add(new PlanForm.FieldError("file", "import.error.size"));
        }
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(UiContext.page("operator/import",
                    new ImportPage(context.of(request), chosen.isEmpty() ? "csv" : chosen, FORMATS, errors, null)));
        }
        String text = new String(file, StandardCharsets.UTF_8);
        ReadResult read = switch (chosen) {
            case "csv" -> CsvEntries.read(text);
            case "publiccode" -> PublicCodeEntries.read(text, null);
            default -> readJson(text);
        };
        ImportReport report;
        if (read instanceof ReadResult.Unreadable unreadable) {
            report = refused(unreadable.detail(), unreadable.violations());
        } else {
            var outcome = importing.importEntries(((ReadResult.Drafts) read).drafts());
            if (outcome instanceof ImportOutcome.Imported imported) {
                report = new ImportReport(true, null, List.of(), imported.count(ImportOutcome.EntryResult.CREATED),
                        imported.count(ImportOutcome.EntryResult.UPDATED), imported.count(ImportOutcome.EntryResult.UNCHANGED),
                        imported.entries().stream().limit(200).toList());
            } else if (outcome instanceof ImportOutcome.Rejected r) {
                report = refused(r.detail(), r.violations());
            } else {
                report = refused(ImportTexts.REFUSED.fill(), List.of());
            }
        }
        var page = new ImportPage(context.of(request), chosen, FORMATS, List.of(), report);
        return report.imported() ? HttpResponse.ok(UiContext.page("operator/import", page))
                : HttpResponse.unprocessableEntity().body(UiContext.page("operator/import", page));
    }

    private ReadResult readJson(String text) {
        List<EntryImportItem> items;
        try {
            items = json.readValue(text, Argument.listOf(EntryImportItem.class));
        } catch (IOException | RuntimeException e) {
            return new ReadResult.Unreadable(ImportTexts.NOT_JSON.fill(), List.of());
        }
        if (items == null) {
            return new ReadResult.Unreadable(ImportTexts.NO_ENTRIES.fill(), List.of());
        }
        var drafts = new ArrayList<org.preconsult.catalogue.importing.EntryDraft>();
        for (int i = 0; i < items.size(); i++) {
            drafts.add(EntryImportItem.toDraft(items.get(i), i));
        }
        return new ReadResult.Drafts(drafts);
    }

    private static ImportReport refused(String detail, List<ImportViolation> violations) {
        return new ImportReport(false, detail, violations.stream().limit(500)
                .map(v -> new Refusal(v.entry(), v.field(), v.message())).toList(), 0, 0, 0, List.of());
    }

    @Get("/review-policy")
    @Secured({Role.OPERATOR_, Role.REVIEWER_, Role.AUDITOR_})
    Object policy(HttpRequest<?> request, @Nullable @QueryValue String saved) {
        var ui = context.of(request);
        var p = policy.current();
        return UiContext.page("operator/policy", new PolicyPage(ui, p.automaticDecisions(),
                BigDecimal.valueOf(p.minConfidence()).stripTrailingZeros().toPlainString(), List.of(), saved != null,
                ui.has(Role.OPERATOR_)));
    }

    @Post(value = "/review-policy", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.OPERATOR_)
    HttpResponse<?> changePolicy(HttpRequest<?> request, @Body Map<String, String> form) {
        if (!csrf.verify(request, form.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        String auto = form.getOrDefault("automaticDecisions", "");
        String confidence = form.getOrDefault("minConfidence", "").strip();
        List<PlanForm.FieldError> errors = new ArrayList<>();
        if (!auto.equals("true") && !auto.equals("false")) {
            errors.add(new PlanForm.FieldError("automaticDecisions", "policy.error.automatic"));
        }
        Double min = null;
        try {
            min = Double.parseDouble(confidence);
        } catch (NumberFormatException e) {
            // reported below
        }
        if (min == null || !(min >= 0.5 && min <= 1.0) || confidence.length() > 10) {
            errors.add(new PlanForm.FieldError("minConfidence", "policy.error.confidence"));
        }
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(UiContext.page("operator/policy", new PolicyPage(context.of(request),
                    auto.equals("true"), confidence, errors, false, true)));
        }
        policy.change(new ReviewPolicy.Policy(auto.equals("true"), min));
        return HttpResponse.seeOther(URI.create("/operator/review-policy?saved=1"));
    }

    @Get("/keys")
    @Secured({Role.OPERATOR_, Role.AUDITOR_})
    Object keys(HttpRequest<?> request, @Nullable @QueryValue String rotated) {
        var own = keys.all().stream().map(k -> new KeyRow(k.publicPart().nodeId(), k.publicPart().keyId(),
                k.publicPart().algorithm(), k.publicPart().createdAt(), k.retiredAt(), k.active())).toList();
        Map<String, KeyRow> trusted = new LinkedHashMap<>();
        keyRing.all().forEach(k -> trusted.put(k.keyId(), new KeyRow(k.nodeId(), k.keyId(), k.algorithm(), k.createdAt(), null, false)));
        var found = rejected.list(0, 20);
        var rows = found.getContent().stream().map(r -> new RejectedRow(r.decisionId(), r.signerNode(), r.keyId(),
                r.reason().name(), r.detail(), r.rejectedAt())).toList();
        return UiContext.page("operator/keys", new KeysPage(context.of(request), own, List.copyOf(trusted.values()), rows,
                found.getTotalSize(), rotated != null));
    }

    /** Makes a new signing key the active one; the old one stays for verifying what it signed. */
    @Post(value = "/keys/rotation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.OPERATOR_)
    HttpResponse<?> rotate(HttpRequest<?> request, @Body Map<String, String> form) {
        if (!csrf.verify(request, form.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        rotating.rotate();
        return HttpResponse.seeOther(URI.create("/operator/keys?rotated=1"));
    }

    /** A refusal of the services (not found, conflict) as a page, not as the API's problem+json. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> refusedPage(HttpRequest<?> request, ProblemException problem) {
        return ErrorPages.of(context, request, problem);
    }
}
