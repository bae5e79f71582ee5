package org.preconsult.lifecycle.api;

import java.math.BigDecimal;
import java.util.Locale;
import org.preconsult.lifecycle.application.ReadingAccounts;
import org.preconsult.lifecycle.model.Statistics;

/**
 * The accounts as CSV, one row per year (and the total) or per government, with plain numbers:
 * the same file from the API and from the statistics page.
 */
public final class AccountsCsv {

    private AccountsCsv() {
    }

    /** The statistics per year, the total last ({@code year} "total"). */
    public static String statistics(ReadingAccounts.Table table) {
        var csv = new StringBuilder("year,applications,unconditional_approvals,conditional_approvals,deferrals,returns,"
                + "budget_reviewed,estimated_savings,turnaround_median_days,turnaround_p90_days,approved_plans,"
                + "late_registrations,stale_plans,stale_share\n");
        for (var r : table.rows()) {
            csv.append(r.year() == null ? "total" : r.year().toString()).append(',')
                    .append(r.applications()).append(',').append(r.unconditionalApprovals()).append(',')
                    .append(r.conditionalApprovals()).append(',').append(r.deferrals()).append(',')
                    .append(r.returns()).append(',').append(plain(r.budgetReviewed())).append(',')
                    .append(plain(r.estimatedSavings())).append(',').append(number(r.turnaroundMedianDays())).append(',')
                    .append(number(r.turnaroundP90Days())).append(',').append(r.approvedPlans()).append(',')
                    .append(r.lateRegistrations()).append(',').append(r.stalePlans()).append(',')
                    .append(number(r.staleShare())).append('\n');
        }
        return csv.toString();
    }

    /** The league table, one row per government. */
    public static String league(ReadingAccounts.League league) {
        var csv = new StringBuilder("owner_node,owner_name,approved_plans,in_progress,completed,cancelled,stale_plans,"
                + "overdue_conditions,late_registrations,updated_on_time_share\n");
        for (Statistics.LeagueRow r : league.rows()) {
            csv.append(cell(r.ownerNode())).append(',').append(cell(r.ownerName())).append(',')
                    .append(r.approvedPlans()).append(',').append(r.inProgress()).append(',').append(r.completed())
                    .append(',').append(r.cancelled()).append(',').append(r.stalePlans()).append(',')
                    .append(r.overdueConditions()).append(',').append(r.lateRegistrations()).append(',').append(number(r.updatedOnTimeShare())).append('\n');
        }
        return csv.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%s", value);
    }

    /** A CSV cell, quoted when it holds a separator, quote or line break. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
