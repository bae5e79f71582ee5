package org.preconsult.web.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.Instant;
import java.util.List;
import org.preconsult.identity.model.Role;
import org.preconsult.review.application.CaseConditions;
import org.preconsult.review.application.TurnaroundReports;
import org.preconsult.review.model.TurnaroundReport;

/**
 * The reviewer's reports: turnaround per level (a table, and a chart drawn from the same figures
 * when JavaScript runs) and the conditions imposed per government, on the services of the
 * review-admin API.
 */
@Controller("/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
// Public only so that the precompiled templates (another package) can name its page records.
public class ReportPages {

    public record TurnaroundPage(Ui ui, Instant at, List<TurnaroundReport.Level> levels, String chartJson) {
    }

    public record ConditionsPage(Ui ui, List<CaseConditions.GovernmentSummary> governments) {
    }

    private final UiContext context;
    private final TurnaroundReports turnaround;
    private final CaseConditions conditions;

    ReportPages(UiContext context, TurnaroundReports turnaround, CaseConditions conditions) {
        this.context = context;
        this.turnaround = turnaround;
        this.conditions = conditions;
    }

    @Get("/turnaround")
    Object turnaround(HttpRequest<?> request) {
        var ui = context.of(request);
        var report = turnaround.report();
        return UiContext.page("reports/turnaround", new TurnaroundPage(ui, report.at(), report.levels(),
                chartJson(ui, report.levels())));
    }

    @Get("/conditions")
    Object conditions(HttpRequest<?> request) {
        return UiContext.page("reports/conditions", new ConditionsPage(context.of(request), conditions.perGovernment()));
    }

    /**
     * The chart's figures as JSON for the page script: the levels' names in the page's language and
     * the 90th percentile (wide, behind) and the median (narrow, in front) in days, null where
     * nothing was decided.
     */
    static String chartJson(Ui ui, List<TurnaroundReport.Level> levels) {
        return ChartJson.bars(ui.t("turnaround.chart"), ui.t("turnaround.col.level"), ui.t("turnaround.days"),
                levels.stream().map(l -> ui.t("role." + l.level())).toList(), false, List.of(
                        new ChartJson.Series(ui.t("turnaround.p90"), levels.stream().map(TurnaroundReport.Level::p90Days).toList(),
                                "#b1b4b6", "#505a5f", 0.6),
                        new ChartJson.Series(ui.t("turnaround.median"), levels.stream().map(TurnaroundReport.Level::medianDays).toList(),
                                "#1d70b8", "#003078", 0.3)));
    }
}
