package org.preconsult.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Five years of generated history played through the six nodes' API: central's statistics show
 * every decision in the year it was made, in the shape of the domain's Table 1, and its league
 * table shows stale plans, overdue conditions and late registrations per government. The table is
 * written to {@code target/demo-history-statistics.md} (docs/statistics.md shows it).
 */
@SuppressWarnings("unchecked")
class DemoHistoryTest {

    static final long SEED = 2001;
    static final int FIRST_YEAR = 2021;
    static final int YEARS = 5;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2021-01-04T08:00:00Z"));
    static final Instant END = Instant.parse("2026-01-04T08:00:00Z");
    static final List<DemoHistory.Local> LOCALS = List.of(new DemoHistory.Local("city-a", "prov-north"),
            new DemoHistory.Local("city-b", "prov-north"), new DemoHistory.Local("county-c", "prov-south"));
    static FederationFixture federation;

    @BeforeAll
    static void startFederation() {
        // Certificates that outlive the five simulated years.
        federation = FederationFixture.standardTree(CLOCK, Map.of("preconsult.trust.certificate-validity", "4000d"));
    }

    @AfterAll
    static void stopFederation() {
        federation.close();
    }

    @Test
    void fiveYearsOfHistory_showInCentralsStatistics_yearByYear_likeTable1() throws IOException {
        var history = DemoHistory.generate(SEED, FIRST_YEAR, YEARS, LOCALS);
        assertEquals(history, DemoHistory.generate(SEED, FIRST_YEAR, YEARS, LOCALS), "the same seed, the same history");
        var ids = new DemoHistorySeeder(federation, CLOCK).play(history, END);
        var central = federation.node("central");
        FederationFixture.await("every plan's record at central", java.time.Duration.ofSeconds(60),
                () -> central.count("SELECT COUNT(*) FROM plan_record") == history.size());
        // The last lifecycle changes have reached central too.
        FederationFixture.await("every record's last version at central", java.time.Duration.ofSeconds(60), () -> {
            var owners = LOCALS.stream().mapToLong(l -> federation.node(l.nodeId())
                    .count("SELECT COALESCE(SUM(version), 0) FROM plan_record")).sum();
            return central.count("SELECT COALESCE(SUM(version), 0) FROM plan_record") == owners;
        });

        var table = central.getJson("AUDITOR", "/api/v1/statistics");
        var rows = (List<Map<String, Object>>) table.get("rows");
        Map<Integer, int[]> expected = new TreeMap<>();
        for (var p : history) {
            int[] c = expected.computeIfAbsent(p.decidedAt().atZone(ZoneOffset.UTC).getYear(), y -> new int[5]);
            c[0]++;
            c[switch (p.outcome()) {
                case "UNCONDITIONAL_APPROVAL" -> 1;
                case "CONDITIONAL_APPROVAL" -> 2;
                case "DEFERRAL" -> 3;
                default -> 4;
            }]++;
        }
        for (var row : rows.subList(0, rows.size() - 1)) {
            int[] c = expected.get(((Number) row.get("year")).intValue());
            assertEquals(c[0], number(row, "applications"), row.toString());
            assertEquals(c[1], number(row, "unconditionalApprovals"), row.toString());
            assertEquals(c[2], number(row, "conditionalApprovals"), row.toString());
            assertEquals(c[3], number(row, "deferrals"), row.toString());
            assertEquals(c[4], number(row, "returns"), row.toString());
        }
        assertEquals(expected.size() + 1, rows.size(), "one row per year of decisions and the total");
        var total = rows.get(rows.size() - 1);
        assertEquals(history.size(), number(total, "applications"));
        assertTrue(number(total, "lateRegistrations") > 0, "some plans were registered after they started");
        assertTrue(number(total, "stalePlans") > 0, "some plans were never updated");

        var league = (List<Map<String, Object>>) central.getJson("AUDITOR", "/api/v1/statistics/league").get("rows");
        assertTrue(league.stream().anyMatch(r -> number(r, "completed") > 0), league.toString());
        var north = (List<Map<String, Object>>) federation.node("prov-north").getJson("AUDITOR", "/api/v1/statistics/league")
                .get("rows");
        assertTrue(north.stream().allMatch(r -> List.of("city-a", "city-b", "prov-north").contains(r.get("ownerNode"))));

        String markdown = "Central:\n\n" + yearTable(rows) + "\nCentral's league table:\n\n" + leagueTable(league)
                + "\nNorth Province's league table:\n\n" + leagueTable(north);
        System.out.println(markdown);
        Path out = Path.of("target", "demo-history-statistics.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, markdown);
        assertEquals(history.size(), ids.size());
    }

    static int number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).intValue();
    }

    static String yearTable(List<Map<String, Object>> rows) {
        var md = new StringBuilder();
        md.append("| year | applications | unconditional approval | conditional approval | deferral | return "
                + "| budget reviewed, M | estimated savings, M | turnaround median / p90, days | approved plans "
                + "| late registrations | stale share |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %s | %s | %s / %s | %d | %d | %s |%n",
                    r.get("year") == null ? "total" : r.get("year"), number(r, "applications"),
                    number(r, "unconditionalApprovals"), number(r, "conditionalApprovals"), number(r, "deferrals"),
                    number(r, "returns"), millions(r.get("budgetReviewed")), millions(r.get("estimatedSavings")),
                    r.get("turnaroundMedianDays"), r.get("turnaroundP90Days"), number(r, "approvedPlans"),
                    number(r, "lateRegistrations"), r.get("staleShare") == null ? "–" : r.get("staleShare")));
        }
        return md.toString();
    }

    static String leagueTable(List<Map<String, Object>> league) {
        var md = new StringBuilder();
        md.append("| government | approved | in progress | completed | cancelled | stale | overdue conditions "
                + "| late registrations | updated on time |\n|---|---|---|---|---|---|---|---|---|\n");
        for (var r : league) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %s |%n", r.get("ownerName"),
                    number(r, "approvedPlans"), number(r, "inProgress"), number(r, "completed"), number(r, "cancelled"),
                    number(r, "stalePlans"), number(r, "overdueConditions"), number(r, "lateRegistrations"),
                    r.get("updatedOnTimeShare") == null ? "–" : r.get("updatedOnTimeShare")));
        }
        return md.toString();
    }

    static String millions(Object amount) {
        return new BigDecimal(amount.toString()).movePointLeft(6).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
