package org.preconsult.lifecycle.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.preconsult.decision.model.ConditionStatus;

/** The accounts computed from plan records: Table 1's shape, turnaround, late and stale plans, the league. */
class StatisticsTest {

    static final Duration STALE = Duration.ofDays(180);

    /** Table 1 of the domain (2001–2010): applications per outcome. */
    static final int[][] TABLE_1 = {
            {2001, 198, 20, 11, 0}, {2002, 122, 44, 17, 1}, {2003, 320, 198, 64, 12}, {2004, 382, 82, 55, 9},
            {2005, 1006, 89, 88, 72}, {2006, 1073, 121, 39, 80}, {2007, 1019, 216, 36, 133}, {2008, 993, 409, 19, 165},
            {2009, 1118, 310, 17, 143}, {2010, 864, 172, 16, 97}};

    static PlanRecord record(String owner, int n, String outcome, Instant submitted, Instant decided, BigDecimal budget) {
        var line = new PlanRecord.DecisionLine(1, outcome, budget, submitted, decided, "central");
        var stage = switch (outcome) {
            case "UNCONDITIONAL_APPROVAL" -> Stage.APPROVED;
            case "CONDITIONAL_APPROVAL" -> Stage.CONDITIONALLY_APPROVED;
            case "DEFERRAL" -> Stage.DEFERRED;
            default -> Stage.RETURNED;
        };
        return PlanRecord.first("p" + n, owner, owner, "Plan " + n, budget, decided).decided(line, List.of(), stage, decided);
    }

    @Test
    void recordsShapedLikeTable1_giveTable1sCountsPerYear_andItsTotal() {
        List<PlanRecord> records = new ArrayList<>();
        int n = 0;
        String[] outcomes = {"UNCONDITIONAL_APPROVAL", "CONDITIONAL_APPROVAL", "DEFERRAL", "RETURN"};
        for (int[] year : TABLE_1) {
            var decided = LocalDate.of(year[0], 6, 15).atStartOfDay().toInstant(ZoneOffset.UTC);
            for (int o = 0; o < 4; o++) {
                for (int i = 0; i < year[o + 1]; i++) {
                    records.add(record("gov-" + (n % 7), n++, outcomes[o], decided.minus(Duration.ofDays(20)), decided,
                            BigDecimal.valueOf(100)));
                }
            }
        }
        var rows = Statistics.byYear(records, Instant.parse("2011-01-01T00:00:00Z"), STALE);
        assertEquals(11, rows.size());
        assertEquals(new Statistics.YearRow(2003, 594, 320, 198, 64, 12, new BigDecimal("58200.00"),
                new BigDecimal("26200.00"), 20.0, 20.0, 518, 0, 518, 1.0), rows.get(2));
        var total = rows.get(10);
        assertNull(total.year());
        // The published table says 9,831 (and 1,150 for 2010), one more than its own outcome columns
        // add up to (2010: 864 + 172 + 16 + 97 = 1,149); counted from decisions, it is 9,830.
        assertEquals(1149, rows.get(9).applications());
        assertEquals(9830, total.applications());
        assertEquals(7095, total.unconditionalApprovals());
        assertEquals(1661, total.conditionalApprovals());
        assertEquals(362, total.deferrals());
        assertEquals(712, total.returns());
        // Savings: the budgets of conditional approvals and deferrals, as the practice counted them.
        assertEquals(new BigDecimal("202300.00"), total.estimatedSavings());
    }

    @Test
    void turnaround_isTheMedianAndP90OfSubmissionToDecision() {
        var decided = Instant.parse("2027-03-01T00:00:00Z");
        List<PlanRecord> records = new ArrayList<>();
        for (int days = 1; days <= 10; days++) {
            records.add(record("city-a", days, "UNCONDITIONAL_APPROVAL", decided.minus(Duration.ofDays(days)), decided, null));
        }
        var row = Statistics.byYear(records, decided, STALE).get(0);
        assertEquals(5.0, row.turnaroundMedianDays());
        assertEquals(9.0, row.turnaroundP90Days());
        assertEquals(BigDecimal.ZERO.setScale(2), row.budgetReviewed());
    }

    @Test
    void lateAndStalePlans_areCountedInTheYearOfApproval_andRankTheLeague() {
        var decided = Instant.parse("2027-03-01T00:00:00Z");
        var fresh = record("city-a", 1, "UNCONDITIONAL_APPROVAL", decided.minus(Duration.ofDays(3)), decided, null);
        var quiet = record("city-b", 2, "CONDITIONAL_APPROVAL", decided.minus(Duration.ofDays(3)), decided, null);
        var startedLate = Lifecycle.kickoff(record("city-b", 3, "UNCONDITIONAL_APPROVAL",
                decided.minus(Duration.ofDays(3)), decided, null), LocalDate.of(2027, 1, 10), LocalDate.of(2027, 3, 2),
                decided.plus(Duration.ofDays(1)), (status, version) -> null, 2);
        var late = ((Transition.Changed) startedLate).record();
        var now = decided.plus(Duration.ofDays(181));
        var updatedRecently = Lifecycle.cancellation(fresh, "Budget withdrawn.", now.minus(Duration.ofDays(1)),
                (status, version) -> null, 2);
        var cancelled = ((Transition.Changed) updatedRecently).record();

        var row = Statistics.byYear(List.of(cancelled, quiet, late), now, STALE).get(0);
        assertEquals(3, row.approvedPlans());
        assertEquals(1, row.lateRegistrations());
        assertEquals(2, row.stalePlans());
        assertEquals(0.667, row.staleShare());

        var league = Statistics.league(List.of(cancelled, quiet, late), now, STALE);
        assertEquals("city-b", league.get(0).ownerNode());
        assertEquals(0.0, league.get(0).updatedOnTimeShare());
        assertEquals(new Statistics.LeagueRow("city-a", "city-a", 1, 0, 0, 1, 0, 0, 0, 1.0), league.get(1));
    }

    static PlanRecord withConditions(String owner, int n, Instant decided, Stage stage, PlanRecord.ConditionLine... lines) {
        var line = new PlanRecord.DecisionLine(1, "CONDITIONAL_APPROVAL", null, decided.minus(Duration.ofDays(3)), decided,
                "central");
        var record = PlanRecord.first("p" + n, owner, owner, "Plan " + n, null, decided)
                .decided(line, List.of(lines), Stage.CONDITIONALLY_APPROVED, decided);
        return stage != Stage.CANCELLED ? record : new PlanRecord(record.planId(), owner, owner, record.title(), null,
                Stage.CANCELLED, record.submittedAt(), record.approvedAt(), null, null, "Given up", null, decided,
                record.version() + 1, record.decisions(), null, List.of(), record.conditions());
    }

    static PlanRecord.ConditionLine condition(String id, LocalDate due, ConditionStatus status) {
        return new PlanRecord.ConditionLine(id, "d-" + id, "prov-north", due, status, null);
    }

    @Test
    void league_countsConditionsOpenPastTheirDueDate_fromTheOwnersRecords_whoeverDecided() {
        Instant decided = Instant.parse("2027-03-01T00:00:00Z");
        LocalDate due = LocalDate.of(2027, 3, 10);
        var cityA = withConditions("city-a", 1, decided, Stage.CONDITIONALLY_APPROVED,
                condition("c1", due, ConditionStatus.OPEN), condition("c2", due, ConditionStatus.OPEN),
                condition("c3", due, ConditionStatus.FULFILLED), condition("c4", due.plusDays(30), ConditionStatus.OPEN));
        var cityB = withConditions("city-b", 2, decided, Stage.CONDITIONALLY_APPROVED,
                condition("c5", due, ConditionStatus.OPEN));
        var cancelled = withConditions("county-c", 3, decided, Stage.CANCELLED, condition("c6", due, ConditionStatus.OPEN));
        var records = List.of(cityA, cityB, cancelled);

        var onDueDate = Statistics.league(records, Set.of(), due.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), STALE);
        assertTrue(onDueDate.stream().allMatch(r -> r.overdueConditions() == 0), "nothing is overdue on its due date");

        var dayAfter = due.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        var league = Statistics.league(records, Set.of(), dayAfter, STALE);
        assertEquals(2, row(league, "city-a").overdueConditions(), "open past due; not fulfilled, not yet due");
        assertEquals(1, row(league, "city-b").overdueConditions());
        assertEquals(0, row(league, "county-c").overdueConditions(), "a cancelled plan owes nothing");

        var waived = Statistics.league(records, Set.of("c5"), dayAfter, STALE);
        assertEquals(0, row(waived, "city-b").overdueConditions(), "a condition this node waived is not counted");
        assertEquals("city-a", league.get(0).ownerNode(), "most overdue first among equal shares");
    }

    static Statistics.LeagueRow row(List<Statistics.LeagueRow> league, String owner) {
        return league.stream().filter(r -> r.ownerNode().equals(owner)).findFirst().orElseThrow();
    }
}
