package org.preconsult.review.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turnaround of review (submitted to decided) per level: how many cases, the median and the 90th
 * percentile in days, how many are open, and how many are overdue (open past their due date, or
 * decided after it).
 */
public record TurnaroundReport(Instant at, List<Level> levels) {

    /** One case's clock, wherever it was decided. */
    public record CaseClock(String level, Instant submittedAt, Instant dueAt, Instant decidedAt) {
    }

    /** The figures of one level. */
    public record Level(String level, int cases, int decided, int open, int overdue, Double medianDays,
                        Double p90Days) {
    }

    public static TurnaroundReport of(List<CaseClock> clocks, Instant now) {
        Map<String, List<CaseClock>> byLevel = new LinkedHashMap<>();
        clocks.stream().sorted(Comparator.comparing(CaseClock::level))
                .forEach(c -> byLevel.computeIfAbsent(c.level(), k -> new ArrayList<>()).add(c));
        List<Level> levels = new ArrayList<>();
        byLevel.forEach((level, cases) -> levels.add(level(level, cases, now)));
        return new TurnaroundReport(now, levels);
    }

    private static Level level(String level, List<CaseClock> cases, Instant now) {
        List<Double> days = cases.stream().filter(c -> c.decidedAt() != null)
                .map(c -> Duration.between(c.submittedAt(), c.decidedAt()).toMinutes() / 1440.0).sorted().toList();
        int overdue = (int) cases.stream()
                .filter(c -> (c.decidedAt() == null ? now : c.decidedAt()).isAfter(c.dueAt())).count();
        return new Level(level, cases.size(), days.size(), cases.size() - days.size(), overdue,
                percentile(days, 0.5), percentile(days, 0.9));
    }

    /** Nearest-rank percentile, rounded to a tenth of a day; null without decided cases. */
    static Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        double value = sorted.get(Math.max(0, rank - 1));
        return Math.round(value * 10) / 10.0;
    }
}
