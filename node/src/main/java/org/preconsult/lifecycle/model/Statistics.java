package org.preconsult.lifecycle.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The accounts a ministry keeps, computed from plan records: the domain's Table 1 per year
 * (applications and their outcomes, budget reviewed, estimated savings, turnaround) with late
 * registrations and the share of stale plans, and a league table per government.
 *
 * <p>Counting rules: an application is one decision on one revision (a returned plan submitted
 * again is a second application), counted in the year of its decision (UTC). Budget reviewed sums
 * the budgets of applications that were reviewed, that is all but returns; estimated savings sum
 * the budgets of conditional approvals and deferrals, as the practice counted them. Late
 * registrations and stale plans are counted in the year of the plan's approval; the stale share is
 * stale plans over plans approved that year.
 */
public final class Statistics {

    private Statistics() {
    }

    /** One line of the table: a year, or the total (year null). */
    public record YearRow(Integer year, int applications, int unconditionalApprovals, int conditionalApprovals,
                          int deferrals, int returns, BigDecimal budgetReviewed, BigDecimal estimatedSavings,
                          Double turnaroundMedianDays, Double turnaroundP90Days, int approvedPlans,
                          int lateRegistrations, int stalePlans, Double staleShare) {
    }

    /**
     * One government's standing: how its approved plans are kept up to date, and how many of the
     * conditions imposed on it are overdue (open past their due date). {@code updatedOnTimeShare}
     * is null for a government with overdue conditions but no approved plan on record here.
     */
    public record LeagueRow(String ownerNode, String ownerName, int approvedPlans, int inProgress, int completed,
                            int cancelled, int stalePlans, int overdueConditions, int lateRegistrations,
                            Double updatedOnTimeShare) {
    }

    /** The table per year, oldest first, followed by the total. */
    public static List<YearRow> byYear(Collection<PlanRecord> records, Instant now, Duration staleAfter) {
        Map<Integer, List<PlanRecord.DecisionLine>> applications = new TreeMap<>();
        Map<Integer, List<PlanRecord>> approvals = new TreeMap<>();
        for (var r : records) {
            for (var line : r.decisions()) {
                applications.computeIfAbsent(year(line.decidedAt()), y -> new ArrayList<>()).add(line);
            }
            if (r.approvedAt() != null) {
                approvals.computeIfAbsent(year(r.approvedAt()), y -> new ArrayList<>()).add(r);
            }
        }
        var years = new TreeMap<Integer, Boolean>();
        applications.keySet().forEach(y -> years.put(y, true));
        approvals.keySet().forEach(y -> years.put(y, true));
        List<YearRow> rows = new ArrayList<>();
        for (int y : years.keySet()) {
            rows.add(row(y, applications.getOrDefault(y, List.of()), approvals.getOrDefault(y, List.of()), now, staleAfter));
        }
        rows.add(row(null, applications.values().stream().flatMap(List::stream).toList(),
                approvals.values().stream().flatMap(List::stream).toList(), now, staleAfter));
        return rows;
    }

    private static YearRow row(Integer year, List<PlanRecord.DecisionLine> lines, List<PlanRecord> approved,
                               Instant now, Duration staleAfter) {
        int unconditional = count(lines, "UNCONDITIONAL_APPROVAL");
        int conditional = count(lines, "CONDITIONAL_APPROVAL");
        int deferrals = count(lines, "DEFERRAL");
        int returns = count(lines, "RETURN");
        BigDecimal reviewed = sum(lines.stream().filter(l -> !l.outcome().equals("RETURN")).toList());
        BigDecimal savings = sum(lines.stream()
                .filter(l -> l.outcome().equals("CONDITIONAL_APPROVAL") || l.outcome().equals("DEFERRAL")).toList());
        List<Double> days = lines.stream().map(PlanRecord.DecisionLine::turnaround).filter(d -> d != null)
                .map(d -> d.toMinutes() / 1440.0).sorted().toList();
        int late = (int) approved.stream().filter(PlanRecord::lateRegistration).count();
        int stale = (int) approved.stream().filter(r -> r.staleAt(now, staleAfter)).count();
        Double share = approved.isEmpty() ? null : round3((double) stale / approved.size());
        return new YearRow(year, lines.size(), unconditional, conditional, deferrals, returns, reviewed, savings,
                percentile(days, 0.5), percentile(days, 0.9), approved.size(), late, stale, share);
    }

    /** One row per government that has approved plans, the lowest share updated on time first. */
    public static List<LeagueRow> league(Collection<PlanRecord> records, Instant now, Duration staleAfter) {
        return league(records, Set.of(), now, staleAfter);
    }

    /**
     * One row per government that has approved plans or overdue conditions, the lowest share
     * updated on time first (then the most overdue conditions); a government without approved
     * plans comes last. A condition is overdue when the owner's record has it open past its due
     * date on {@code now}'s day, its plan is not cancelled, and {@code waivedHere} (the conditions
     * this node waived, which the owner may not know of) does not hold it.
     */
    public static List<LeagueRow> league(Collection<PlanRecord> records, Set<String> waivedHere, Instant now,
                                         Duration staleAfter) {
        Map<String, List<PlanRecord>> byOwner = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        records.stream().filter(r -> r.approvedAt() != null)
                .forEach(r -> {
                    byOwner.computeIfAbsent(r.ownerNode(), o -> new ArrayList<>()).add(r);
                    names.putIfAbsent(r.ownerNode(), r.ownerName());
                });
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, Integer> overdue = new TreeMap<>();
        for (var r : records) {
            if (r.stage() == Stage.CANCELLED) {
                continue;
            }
            int owed = (int) r.conditions().stream()
                    .filter(c -> c.overdueOn(today) && !waivedHere.contains(c.conditionId())).count();
            if (owed > 0) {
                overdue.merge(r.ownerNode(), owed, Integer::sum);
                names.putIfAbsent(r.ownerNode(), r.ownerName());
            }
        }
        List<LeagueRow> rows = new ArrayList<>();
        names.forEach((owner, name) -> {
            List<PlanRecord> plans = byOwner.getOrDefault(owner, List.of());
            int stale = (int) plans.stream().filter(r -> r.staleAt(now, staleAfter)).count();
            rows.add(new LeagueRow(owner, name, plans.size(), stage(plans, Stage.IN_PROGRESS),
                    stage(plans, Stage.COMPLETED), stage(plans, Stage.CANCELLED), stale, overdue.getOrDefault(owner, 0),
                    (int) plans.stream().filter(PlanRecord::lateRegistration).count(),
                    plans.isEmpty() ? null : round3(1.0 - (double) stale / plans.size())));
        });
        rows.sort(Comparator.comparing((Function<LeagueRow, Double>) LeagueRow::updatedOnTimeShare,
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Comparator.comparingInt(LeagueRow::overdueConditions).reversed())
                .thenComparing(LeagueRow::ownerNode));
        return rows;
    }

    private static int stage(List<PlanRecord> plans, Stage stage) {
        return (int) plans.stream().filter(r -> r.stage() == stage).count();
    }

    private static int count(List<PlanRecord.DecisionLine> lines, String outcome) {
        return (int) lines.stream().filter(l -> l.outcome().equals(outcome)).count();
    }

    private static BigDecimal sum(List<PlanRecord.DecisionLine> lines) {
        return lines.stream().map(PlanRecord.DecisionLine::budget).filter(b -> b != null)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static int year(Instant at) {
        return at.atZone(ZoneOffset.UTC).getYear();
    }

    /** Nearest-rank percentile in days, rounded to a tenth; null without values (as the turnaround report). */
    static Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return Math.round(sorted.get(Math.max(0, rank - 1)) * 10) / 10.0;
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
