package org.preconsult.web.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
     * the median and 90th percentile in days (null where nothing was decided), plus the series' names.
     */
    static String chartJson(Ui ui, List<TurnaroundReport.Level> levels) {
        var json = new StringBuilder("{\"labels\":[");
        for (int i = 0; i < levels.size(); i++) {
            json.append(i == 0 ? "" : ",").append(quote(ui.t("role." + levels.get(i).level())));
        }
        json.append("],\"median\":[");
        for (int i = 0; i < levels.size(); i++) {
            json.append(i == 0 ? "" : ",").append(number(levels.get(i).medianDays()));
        }
        json.append("],\"p90\":[");
        for (int i = 0; i < levels.size(); i++) {
            json.append(i == 0 ? "" : ",").append(number(levels.get(i).p90Days()));
        }
        json.append("],\"names\":{\"median\":").append(quote(ui.t("turnaround.median")))
                .append(",\"p90\":").append(quote(ui.t("turnaround.p90")))
                .append(",\"days\":").append(quote(ui.t("turnaround.days")))
                .append(",\"level\":").append(quote(ui.t("turnaround.col.level"))).append("}}");
        return json.toString();
    }

    private static String number(Double d) {
        return d == null ? "null" : String.format(Locale.ROOT, "%.1f", d);
    }

    /** A JSON string that is also safe inside a script element (no "<" survives). */
    private static String quote(String s) {
        var out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
