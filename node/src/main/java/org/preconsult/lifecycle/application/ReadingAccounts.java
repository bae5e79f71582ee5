package org.preconsult.lifecycle.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.preconsult.lifecycle.model.PlanRecord;
import org.preconsult.lifecycle.model.Statistics;
import org.preconsult.federation.application.Subtree;
import org.preconsult.review.application.CaseConditions;

/**
 * The accounts of this node's subtree, read from its plan records: the statistics per year, the
 * league table per government, and the stale and late plans. {@code subtree} narrows them to the
 * part of the tree behind one child (a province, at central); without it they cover this node and
 * everything below it. Overdue conditions in the league table are counted from the records: the
 * owner sends each condition's status up with its record, whichever node decided, so every level
 * counts the same conditions; a condition this node waived is not counted here even before the
 * owner learns of it.
 */
@Singleton
public class ReadingAccounts {

    /** What the accounts were computed over and when. */
    public record Scope(String subtree, Instant at, int plans) {
    }

    public record Table(Scope scope, List<Statistics.YearRow> rows) {
    }

    public record League(Scope scope, List<Statistics.LeagueRow> rows) {
    }

    public record Flagged(Scope scope, List<PlanRecord> stale, List<PlanRecord> late, List<PlanRecord> missingDeliverables) {
    }

    private final PlanRecords records;
    private final Subtree subtree;
    private final LifecycleSettings settings;
    private final CaseConditions conditions;
    private final Clock clock;

    public ReadingAccounts(PlanRecords records, Subtree subtree, LifecycleSettings settings,
                           CaseConditions conditions, Clock clock) {
        this.records = records;
        this.subtree = subtree;
        this.settings = settings;
        this.conditions = conditions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Table table(String child) {
        var plans = plans(child);
        var now = clock.instant();
        return new Table(new Scope(child, now, plans.size()), Statistics.byYear(plans, now, settings.staleAfter()));
    }

    @Transactional(readOnly = true)
    public League league(String child) {
        var plans = plans(child);
        var now = clock.instant();
        return new League(new Scope(child, now, plans.size()),
                Statistics.league(plans, conditions.waived(), now, settings.staleAfter()));
    }

    @Transactional(readOnly = true)
    public Flagged flagged(String child) {
        var plans = plans(child);
        var now = clock.instant();
        var byTitle = Comparator.comparing(PlanRecord::ownerNode).thenComparing(PlanRecord::title);
        return new Flagged(new Scope(child, now, plans.size()),
                plans.stream().filter(r -> r.staleAt(now, settings.staleAfter())).sorted(byTitle).toList(),
                plans.stream().filter(PlanRecord::lateRegistration).sorted(byTitle).toList(),
                plans.stream().filter(r -> !r.missingDeliverables().isEmpty()).sorted(byTitle).toList());
    }

    /** Whether {@code child} names a part of this node's subtree. */
    @Transactional(readOnly = true)
    public boolean knowsChild(String child) {
        return !subtree.nodesVia(child).isEmpty();
    }

    private List<PlanRecord> plans(String child) {
        var all = records.all();
        if (child == null) {
            return all;
        }
        Set<String> nodes = subtree.nodesVia(child);
        return all.stream().filter(r -> nodes.contains(r.ownerNode())).toList();
    }
}
