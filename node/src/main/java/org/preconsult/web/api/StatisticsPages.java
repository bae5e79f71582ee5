package org.preconsult.web.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.model.Role;
import org.preconsult.lifecycle.api.AccountsCsv;
import org.preconsult.lifecycle.application.LifecycleSettings;
import org.preconsult.lifecycle.application.ReadingAccounts;
import org.preconsult.lifecycle.model.Statistics;
import org.preconsult.node.NodeSettings;
import org.preconsult.trust.application.EnrolledChildren;

/**
 * The accounts of this node's subtree as a page: the statistics per year like the domain's Table 1
 * and the league table per government, narrowed to a child's part of the tree, with the same
 * figures as CSV and JSON downloads. Reads the service of the accounts API, with its roles.
 */
@Controller("/statistics")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.COORDINATOR_, Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
// Public only so that the precompiled templates (another package) can name its page records.
public class StatisticsPages {

    /** The page: {@code subtree} the chosen child (null: the whole subtree), {@code children} those to choose from. */
    public record StatisticsPage(Ui ui, Instant at, int plans, String subtree, List<String> children, long staleAfterDays,
                                 List<Statistics.YearRow> years, List<Statistics.LeagueRow> league) {

        /** A count in the page language's grouping. */
        public String n(int value) {
            return ui.amount(BigDecimal.valueOf(value));
        }

        /** A share as a percentage in the page's language, a dash where there is nothing to divide. */
        public String share(Double value) {
            return value == null ? "–" : ui.percent(value);
        }

        /** Days to a tenth in the page's language (the column says they are days), a dash where nothing was decided. */
        public String days(Double value) {
            return value == null ? "–" : ui.t("statistics.daysValue", value);
        }

        /**
         * The chart of the outcomes per year as JSON for the page script: one stacked bar per year
         * (the total left out), approvals at the bottom and returns on top, in the table's colours
         * and the page's language.
         */
        public String outcomesChart() {
            var rows = years.stream().filter(r -> r.year() != null).toList();
            return ChartJson.bars(ui.t("statistics.chart"), ui.t("statistics.col.year"), ui.t("statistics.chart.count"),
                    rows.stream().map(r -> r.year().toString()).toList(), true, List.of(
                            series("unconditional", rows.stream().map(Statistics.YearRow::unconditionalApprovals).toList(),
                                    "#00703c", "#005a30"),
                            series("conditional", rows.stream().map(Statistics.YearRow::conditionalApprovals).toList(),
                                    "#1d70b8", "#003078"),
                            series("deferrals", rows.stream().map(Statistics.YearRow::deferrals).toList(),
                                    "#f47738", "#b14f00"),
                            series("returns", rows.stream().map(Statistics.YearRow::returns).toList(),
                                    "#d4351c", "#942514")));
        }

        private ChartJson.Series series(String column, List<Integer> values, String fill, String stroke) {
            return new ChartJson.Series(ui.t("statistics.col." + column), values, fill, stroke, 0.6);
        }

        /** The query of the downloads: the chosen child, if any. */
        public String query() {
            return subtree == null ? "" : "?subtree=" + URLEncoder.encode(subtree, StandardCharsets.UTF_8);
        }
    }

    private final UiContext context;
    private final ReadingAccounts accounts;
    private final LifecycleSettings settings;
    private final EnrolledChildren children;
    private final NodeSettings node;

    StatisticsPages(UiContext context, ReadingAccounts accounts, LifecycleSettings settings, EnrolledChildren children,
                    NodeSettings node) {
        this.context = context;
        this.accounts = accounts;
        this.settings = settings;
        this.children = children;
        this.node = node;
    }

    @Get
    Object show(HttpRequest<?> request, @Nullable @QueryValue String subtree) {
        String child = checked(subtree);
        var table = accounts.table(child);
        var league = accounts.league(child);
        List<String> choices = node.hasChildren()
                ? children.all().stream().map(c -> c.nodeId()).sorted().toList() : List.of();
        return UiContext.page("statistics/show", new StatisticsPage(context.of(request), table.scope().at(),
                table.scope().plans(), child, choices, settings.staleAfter().toDays(), table.rows(), league.rows()));
    }

    @Get(value = "/table.csv", produces = "text/csv")
    HttpResponse<String> statisticsCsv(@Nullable @QueryValue String subtree) {
        return csv(AccountsCsv.statistics(accounts.table(checked(subtree))), "statistics");
    }

    @Get(value = "/league.csv", produces = "text/csv")
    HttpResponse<String> leagueCsv(@Nullable @QueryValue String subtree) {
        return csv(AccountsCsv.league(accounts.league(checked(subtree))), "league");
    }

    @Get(value = "/table.json", produces = MediaType.APPLICATION_JSON)
    HttpResponse<ReadingAccounts.Table> statisticsJson(@Nullable @QueryValue String subtree) {
        return HttpResponse.ok(accounts.table(checked(subtree)))
                .header("Content-Disposition", "attachment; filename=\"statistics.json\"");
    }

    @Get(value = "/league.json", produces = MediaType.APPLICATION_JSON)
    HttpResponse<ReadingAccounts.League> leagueJson(@Nullable @QueryValue String subtree) {
        return HttpResponse.ok(accounts.league(checked(subtree)))
                .header("Content-Disposition", "attachment; filename=\"league.json\"");
    }

    private static HttpResponse<String> csv(String body, String name) {
        return HttpResponse.ok(body).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    }

    /** The chosen child, null for the whole subtree; an unknown child is a 404, as in the API. */
    private String checked(String subtree) {
        if (subtree == null || subtree.isBlank()) {
            return null;
        }
        if (!accounts.knowsChild(subtree)) {
            throw ProblemException.notFound("A child node", subtree);
        }
        return subtree;
    }

    /** A refusal of the services (an unknown child) as a page, not as the API's problem+json. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> refused(HttpRequest<?> request, ProblemException problem) {
        return ErrorPages.of(context, request, problem);
    }
}
