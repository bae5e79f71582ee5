package org.preconsult.lifecycle.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.util.List;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.model.Role;
import org.preconsult.lifecycle.application.LifecycleSettings;
import org.preconsult.lifecycle.application.ReadingAccounts;

/**
 * The accounts of this node's subtree: statistics per year like the domain's Table 1 (JSON and
 * CSV), the league table per government, and the stale and late plans. {@code subtree} names a
 * child of this node to narrow them to its part of the tree.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.COORDINATOR_, Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
class AccountsController {

    static final String CSV = "text/csv";

    private final ReadingAccounts accounts;
    private final LifecycleSettings settings;
    private final Clock clock;

    AccountsController(ReadingAccounts accounts, LifecycleSettings settings, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    @Serdeable
    record FlaggedView(ReadingAccounts.Scope scope, String staleAfter, List<PlanRecordView> stale,
                       List<PlanRecordView> lateRegistrations, List<PlanRecordView> missingDeliverables) {
    }

    @Get("/statistics")
    ReadingAccounts.Table statistics(@Nullable @QueryValue String subtree) {
        return accounts.table(checked(subtree));
    }

    @Get(value = "/statistics.csv", produces = CSV)
    HttpResponse<String> statisticsCsv(@Nullable @QueryValue String subtree) {
        var table = accounts.table(checked(subtree));
        return HttpResponse.ok(AccountsCsv.statistics(table)).contentType(CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"statistics.csv\"");
    }

    @Get("/statistics/league")
    ReadingAccounts.League league(@Nullable @QueryValue String subtree) {
        return accounts.league(checked(subtree));
    }

    @Get(value = "/statistics/league.csv", produces = CSV)
    HttpResponse<String> leagueCsv(@Nullable @QueryValue String subtree) {
        var league = accounts.league(checked(subtree));
        return HttpResponse.ok(AccountsCsv.league(league)).contentType(CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"league.csv\"");
    }

    /** Stale plans and late registrations of the subtree (at a local node: its own plans). */
    @Get("/lifecycle/flagged")
    FlaggedView flagged(@Nullable @QueryValue String subtree) {
        var flagged = accounts.flagged(checked(subtree));
        var now = clock.instant();
        return new FlaggedView(flagged.scope(), settings.staleAfter().toDays() + "d",
                flagged.stale().stream().map(r -> PlanRecordView.of(r, now, settings.staleAfter())).toList(),
                flagged.late().stream().map(r -> PlanRecordView.of(r, now, settings.staleAfter())).toList(),
                flagged.missingDeliverables().stream().map(r -> PlanRecordView.of(r, now, settings.staleAfter())).toList());
    }

    private String checked(String subtree) {
        if (subtree == null || subtree.isBlank()) {
            return null;
        }
        if (!accounts.knowsChild(subtree)) {
            throw ProblemException.notFound("A child node", subtree);
        }
        return subtree;
    }
}
