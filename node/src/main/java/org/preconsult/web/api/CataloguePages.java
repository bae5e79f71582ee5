package org.preconsult.web.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.preconsult.catalogue.application.BrowsingCatalogue;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.model.Role;
import org.preconsult.catalogue.model.DescribedEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.Translation;
import org.preconsult.redundancy.application.RedundancyCheck;
import org.preconsult.redundancy.model.PlanDraft;

/**
 * The catalogue pages: a search that finds entries across languages the way the redundancy check
 * does (the check's own ranking over the same index), browsing by kind, and the entry page.
 */
@Controller("/catalogue")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
// Public only so that the precompiled templates (another package) can name its page records.
public class CataloguePages {

    static final int PAGE_SIZE = 25;

    public record EntryRow(String id, String href, String name, String kind, String owner, String status,
                           String language, String description, Integer scorePercent) {
    }

    public record SearchPage(Ui ui, String q, String kind, List<String> kinds, List<EntryRow> entries, long total,
                             String owner, String functionCode, String language) {
    }

    /** How many entries a filtered browse (no search words) looks through: the catalogue's largest page. */
    static final int FILTER_WINDOW = BrowsingCatalogue.MAX_PAGE_SIZE;

    public record EntryPage(Ui ui, String id, String name, String kind, String owner, String status, String language,
                            String description, List<String> functions, String functionCode, BigDecimal budget,
                            String originNode, List<Translation> translations, List<String> relations,
                            List<org.preconsult.catalogue.model.PracticeMark> marks, boolean canMark, String notice,
                            AdoptionPages.Panel adoption) {

        /** The page that marks the entry as best practice, or changes or withdraws this node's mark. */
        public String practiceHref() {
            return "/catalogue/best-practice?id=" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final UiContext context;
    private final BrowsingCatalogue browsing;
    private final RedundancyCheck checking;
    private final AdoptionPages adoptions;

    private final org.preconsult.catalogue.application.BestPracticeMarks marks;
    private final org.preconsult.node.NodeSettings node;

    CataloguePages(UiContext context, BrowsingCatalogue browsing, RedundancyCheck checking, AdoptionPages adoptions,
                   org.preconsult.catalogue.application.BestPracticeMarks marks, org.preconsult.node.NodeSettings node) {
        this.marks = marks;
        this.node = node;
        this.context = context;
        this.browsing = browsing;
        this.checking = checking;
        this.adoptions = adoptions;
    }

    @Get
    Object search(HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue String kind,
                  @Nullable @QueryValue String owner, @Nullable @QueryValue String functionCode,
                  @Nullable @QueryValue String language) {
        String o = bounded(owner, 300);
        String code = bounded(functionCode, 50);
        String lang = bounded(language, 20);
        java.util.function.Predicate<org.preconsult.catalogue.model.CatalogueEntry> wanted = e ->
                (o.isEmpty() || (e.owner() != null && e.owner().toLowerCase().contains(o.toLowerCase())))
                        && (code.isEmpty() || (e.functionCode() != null && e.functionCode().startsWith(code)))
                        && (lang.isEmpty() || lang.equalsIgnoreCase(e.language()));
        boolean filtered = !(o.isEmpty() && code.isEmpty() && lang.isEmpty());
        String text = q == null ? "" : q.strip();
        if (text.length() > 500) {
            text = text.substring(0, 500);
        }
        EntryKind k = Arrays.stream(EntryKind.values()).filter(e -> e.name().equals(kind)).findFirst().orElse(null);
        List<EntryRow> rows;
        long total;
        if (text.isEmpty() && !filtered) {
            var page = browsing.search(k, null, 0, PAGE_SIZE);
            rows = page.entries().stream().map(e -> row(e, null)).toList();
            total = page.totalEntries();
        } else if (text.isEmpty()) {
            var matching = browsing.search(k, null, 0, FILTER_WINDOW).entries().stream()
                    .filter(e -> wanted.test(e.entry())).toList();
            rows = matching.stream().limit(PAGE_SIZE).map(e -> row(e, null)).toList();
            total = matching.size();
        } else {
            var result = checking.check(new PlanDraft(text, text, List.of(), null, null, null, null, null), 50);
            rows = result.matches().stream()
                    .filter(m -> k == null || m.kind() == k)
                    .map(m -> browsing.find(m.entryId()).filter(e -> wanted.test(e.entry()))
                            .map(e -> row(e, (int) Math.round(m.score() * 100))).orElse(null))
                    .filter(Objects::nonNull).limit(PAGE_SIZE).toList();
            total = rows.size();
        }
        return UiContext.page("catalogue/search", new SearchPage(context.of(request), text, k == null ? "" : k.name(),
                Arrays.stream(EntryKind.values()).map(Enum::name).toList(), rows, total, o, code, lang));
    }

    private static String bounded(String s, int max) {
        String v = s == null ? "" : s.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }

    /** This node's catalogue copy as CSV, the import's format: the same download as the API's. */
    @Get(value = "/export.csv", produces = "text/csv")
    io.micronaut.http.HttpResponse<String> catalogueCsv() {
        return org.preconsult.catalogue.api.CatalogueExportController.csv(browsing.everyEntry(null),
                org.preconsult.catalogue.api.CatalogueExportController.CATALOGUE_FILE);
    }

    @Get("/entry")
    HttpResponse<?> entry(HttpRequest<?> request, @QueryValue String id, @Nullable @QueryValue String notice) {
        var found = browsing.find(id);
        if (found.isEmpty()) {
            return HttpResponse.notFound(UiContext.page("catalogue/search", new SearchPage(context.of(request), "", "",
                    Arrays.stream(EntryKind.values()).map(Enum::name).toList(), List.of(), 0, "", "", "")));
        }
        var e = found.get().entry();
        var ui = context.of(request);
        // Marking is for a reviewing node (a province or central), on an entry that still counts.
        boolean canMark = node.hasChildren() && e.isCandidate() && (ui.has(Role.REVIEWER_) || ui.has(Role.OPERATOR_));
        return HttpResponse.ok(UiContext.page("catalogue/entry", new EntryPage(ui, e.id(), e.name(),
                e.kind().name(), e.owner(), e.status().name(), e.language(), e.description(), e.functions(),
                e.functionCode(), e.budget(), e.originNode(), found.get().translations(),
                found.get().relations().stream().map(r -> r.type().name() + ": " + r.target()).toList(),
                marks.marksOf(List.of(id)).getOrDefault(id, List.of()), canMark,
                notice == null || !notice.matches("[a-z]{1,20}") ? null : notice, adoptions.panel(ui, e))));
    }

    private static EntryRow row(DescribedEntry described, Integer score) {
        var e = described.entry();
        String description = e.description().length() > 240 ? e.description().substring(0, 240) + "…" : e.description();
        return new EntryRow(e.id(), CheckView.entryHref(e.id()), e.name(), e.kind().name(), e.owner(), e.status().name(),
                e.language(), description, score);
    }

    /** A refusal of the services (not found, conflict) as a page, not as the API's problem+json. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> refused(HttpRequest<?> request, ProblemException problem) {
        return ErrorPages.of(context, request, problem);
    }
}
