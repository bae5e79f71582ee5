package org.preconsult.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Life after the decision across the six nodes: a completed plan becomes a catalogued system
 * everywhere, a cancelled one stops counting in every node's redundancy checks, stale plans and
 * late registrations are counted at the province and at central, deliverables' metadata and what
 * is missing are seen above, and best-practice marks reach the locals below the node that set them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-02-01T09:00:00Z"));
    static final Duration WAIT = Duration.ofSeconds(30);
    static final List<String> ALL = List.of("central", "prov-north", "prov-south", "city-a", "city-b", "county-c");
    static FederationFixture federation;

    @BeforeAll
    static void startFederation() {
        federation = FederationFixture.standardTree(CLOCK);
    }

    @AfterAll
    static void stopFederation() {
        federation.close();
    }

    static LocalDate today() {
        return LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
    }

    static Map<String, Object> plan(String title, String purpose, List<String> functions) {
        var plan = PlanFixture.completePlan(title);
        plan.put("purpose", purpose);
        plan.put("functions", functions);
        plan.put("functionCode", "LIFECYCLE");
        plan.put("budget", 20_000_000);
        return plan;
    }

    /** Submits a small plan at a local node and has its province approve it; returns the plan's id. */
    static String approvedAt(FederationFixture.Node local, String province, Map<String, Object> plan) {
        String id = ReviewProcedureTest.submit(local, plan);
        var reviewCase = ReviewProcedureTest.caseOf(federation.node(province), id);
        federation.node(province).postJson("REVIEWER", "/api/v1/review-cases/" + reviewCase.get("id") + "/decision",
                PlanFixture.decision("UNCONDITIONAL_APPROVAL", "No overlap in the province."));
        ReviewProcedureTest.awaitStatus(local, id, "APPROVED");
        return id;
    }

    static void awaitEverywhere(String what, String sql, Object... args) {
        for (String nodeId : ALL) {
            var node = federation.node(nodeId);
            FederationFixture.await(what + " at " + nodeId, WAIT, () -> node.count(sql, args) == 1);
        }
    }

    static List<String> matchesAt(FederationFixture.Node node, Map<String, Object> plan) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("title", plan.get("title"));
        check.put("description", plan.get("purpose"));
        check.put("functions", plan.get("functions"));
        check.put("functionCode", plan.get("functionCode"));
        check.put("language", "en");
        check.put("owner", "Somewhere else");
        check.put("limit", 20);
        var result = node.postJson("REVIEWER", "/api/v1/redundancy-checks", check);
        return ((List<Map<String, Object>>) result.get("matches")).stream().map(m -> (String) m.get("entryId")).toList();
    }

    @Test
    @Order(1)
    void completedPlan_becomesACataloguedSystem_atEveryNode() {
        var cityA = federation.node("city-a");
        String id = approvedAt(cityA, "prov-north", plan("Municipal tree inventory",
                "Record every street tree with its species, health inspections and pruning schedule on a map.",
                List.of("tree register", "inspection scheduling", "map of trees")));
        String planEntry = "city-a:plan:" + id;
        awaitEverywhere("the approved plan is catalogued", "SELECT COUNT(*) FROM catalogue_entry WHERE id = ? AND status = 'APPROVED'", planEntry);

        cityA.postJson("COORDINATOR", "/api/v1/plans/" + id + "/lifecycle/kickoff", Map.of("kickoffOn", today().toString()));
        long started = System.nanoTime();
        var done = cityA.postJson("COORDINATOR", "/api/v1/plans/" + id + "/lifecycle/completion",
                Map.of("goLiveOn", today().toString()));
        assertEquals("COMPLETED", done.get("stage"));

        awaitEverywhere("the completed plan is an operating system", "SELECT COUNT(*) FROM catalogue_entry "
                + "WHERE id = ? AND kind = 'EXISTING_SYSTEM' AND status = 'OPERATING' AND name = 'Municipal tree inventory'",
                "city-a:system:" + id);
        awaitEverywhere("the plan's own entry is closed", "SELECT COUNT(*) FROM catalogue_entry WHERE id = ? AND status = 'COMPLETED'", planEntry);
        System.out.printf("Completion reached all 6 catalogues in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        // What counts in a check now is the system, once, not the plan as well.
        var countyC = federation.node("county-c");
        var matches = matchesAt(countyC, plan("Municipal tree inventory",
                "Record every street tree with its species, health inspections and pruning schedule on a map.",
                List.of("tree register", "inspection scheduling", "map of trees")));
        assertTrue(matches.contains("city-a:system:" + id), matches.toString());
        assertFalse(matches.contains(planEntry), matches.toString());
        // The province holds the record with both dates.
        FederationFixture.await("the province holds the completed record", WAIT, () -> federation.node("prov-north")
                .count("SELECT COUNT(*) FROM plan_record WHERE plan_id = ? AND stage = 'COMPLETED' AND go_live_on IS NOT NULL", id) == 1);

        // A deliverable's metadata travels up; the three still missing are visible at central.
        cityA.put("COORDINATOR", "/api/v1/plans/" + id + "/lifecycle/deliverables/FINAL_REPORT", Map.of(
                "title", "Final report of the tree inventory", "deliveredOn", today().toString(), "sizeBytes", 1_204_551,
                "checksum", "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"), Map.class);
        var central = federation.node("central");
        FederationFixture.await("central holds the final report's metadata", WAIT, () -> central.count(
                "SELECT COUNT(*) FROM plan_record_deliverable WHERE record_id = ? AND kind = 'FINAL_REPORT'", planEntry) == 1);
        var missing = ((List<Map<String, Object>>) central.getJson("REVIEWER", "/api/v1/lifecycle/flagged")
                .get("missingDeliverables")).stream().filter(r -> id.equals(r.get("planId"))).findFirst().orElseThrow();
        assertEquals(List.of("EXECUTION_PLAN", "REQUEST_FOR_PROPOSAL", "USER_MANUAL"), missing.get("missingDeliverables"));
    }

    @Test
    @Order(2)
    void cancelledPlan_stopsCountingInEveryNodesRedundancyChecks() {
        var countyC = federation.node("county-c");
        var plan = plan("Beach lifeguard rostering",
                "Plan lifeguard shifts on public beaches, record rescues and publish water quality flags.",
                List.of("shift rostering", "rescue log", "water quality flags"));
        String id = approvedAt(countyC, "prov-south", plan);
        String entry = "county-c:plan:" + id;
        awaitEverywhere("the approved plan is catalogued", "SELECT COUNT(*) FROM catalogue_entry WHERE id = ? AND status = 'APPROVED'", entry);
        for (String nodeId : ALL) {
            var node = federation.node(nodeId);
            FederationFixture.await("a check at " + nodeId + " finds the approved plan", WAIT,
                    () -> matchesAt(node, plan).contains(entry));
        }

        long started = System.nanoTime();
        countyC.postJson("COORDINATOR", "/api/v1/plans/" + id + "/lifecycle/cancellation",
                Map.of("reason", "The province will run one roster for all beaches."));
        for (String nodeId : ALL) {
            var node = federation.node(nodeId);
            FederationFixture.await("a check at " + nodeId + " no longer finds the cancelled plan", WAIT,
                    () -> !matchesAt(node, plan).contains(entry));
        }
        System.out.printf("Cancellation left every node's checks in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        awaitEverywhere("the tombstone is kept", "SELECT COUNT(*) FROM catalogue_entry WHERE id = ? AND status = 'CANCELLED'", entry);
    }

    @Test
    @Order(3)
    void stalePlan_andLateRegistration_areCountedAtTheProvinceAndCentral() {
        var cityB = federation.node("city-b");
        String late = approvedAt(cityB, "prov-north", plan("Snow clearing dispatch",
                "Dispatch snow ploughs by priority route and show residents which streets were cleared.",
                List.of("route priorities", "plough tracking", "cleared streets map")));
        // Reported after it had started: kickoff a month before its submission.
        var started = cityB.postJson("COORDINATOR", "/api/v1/plans/" + late + "/lifecycle/kickoff",
                Map.of("kickoffOn", today().minusDays(30).toString()));
        assertEquals(true, started.get("lateRegistration"));
        String quiet = approvedAt(cityB, "prov-north", plan("Public toilet maintenance",
                "Schedule cleaning and repairs of public toilets and let residents report faults.",
                List.of("cleaning schedule", "fault reports")));
        for (String nodeId : List.of("prov-north", "central")) {
            var node = federation.node(nodeId);
            FederationFixture.await("both records reach " + nodeId, WAIT, () -> node.count(
                    "SELECT COUNT(*) FROM plan_record WHERE plan_id IN (?, ?)", late, quiet) == 2);
        }

        // Half a year passes without a word from City B about the second plan.
        CLOCK.advance(Duration.ofDays(181));
        for (String nodeId : List.of("city-b", "prov-north", "central")) {
            var flagged = federation.node(nodeId).getJson("REVIEWER", "/api/v1/lifecycle/flagged");
            var stale = ids(flagged.get("stale"));
            var lateOnes = ids(flagged.get("lateRegistrations"));
            assertTrue(stale.contains(quiet), nodeId + " counts the stale plan: " + stale);
            assertTrue(stale.contains(late), nodeId + " counts the started plan without updates as stale too: " + stale);
            assertTrue(lateOnes.contains(late), nodeId + " counts the late registration: " + lateOnes);
            assertFalse(lateOnes.contains(quiet));
        }
        var league = federation.node("central").getJson("REVIEWER", "/api/v1/statistics/league");
        var cityBRow = ((List<Map<String, Object>>) league.get("rows")).stream()
                .filter(r -> "city-b".equals(r.get("ownerNode"))).findFirst().orElseThrow();
        assertTrue(((Number) cityBRow.get("stalePlans")).intValue() >= 2, cityBRow.toString());
        assertTrue(((Number) cityBRow.get("lateRegistrations")).intValue() >= 1, cityBRow.toString());

        // Central narrows its accounts to one province; the other province has none of City B's plans.
        var north = federation.node("central").getJson("REVIEWER", "/api/v1/statistics?subtree=prov-north");
        var south = federation.node("central").getJson("REVIEWER", "/api/v1/statistics?subtree=prov-south");
        assertTrue(total(north, "lateRegistrations") >= 1);
        assertEquals(0, total(south, "lateRegistrations"));
        System.out.println("Central's statistics: " + federation.node("central").getJson("REVIEWER", "/api/v1/statistics"));
        System.out.println("Central's league table: " + league);
    }

    static List<Object> ids(Object records) {
        return ((List<Map<String, Object>>) records).stream().map(r -> r.get("planId")).toList();
    }

    static int total(Map<String, Object> table, String column) {
        var rows = (List<Map<String, Object>>) table.get("rows");
        return ((Number) rows.get(rows.size() - 1).get(column)).intValue();
    }

    static List<String> markersAt(FederationFixture.Node node, String entryId) {
        var list = (List<Map<String, Object>>) node.getJson("SUBMITTER", "/api/v1/best-practices").get("entries");
        return list.stream().filter(e -> entryId.equals(e.get("entryId"))).findFirst()
                .map(e -> ((List<Map<String, Object>>) e.get("marks")).stream().map(m -> (String) m.get("markingNode")).sorted().toList())
                .orElse(List.of());
    }

    @Test
    @Order(4)
    void bestPracticeMarks_travelDown_centralsEverywhere_aProvincesToItsSubtree() {
        var cityA = federation.node("city-a");
        var system = cityA.postJson("COORDINATOR", "/api/v1/systems", PlanFixture.system("Citizen complaint desk",
                "Receive, route and answer citizens' complaints with deadlines and a public track record."));
        String entry = "city-a:system:" + system.get("id");
        awaitEverywhere("the system is catalogued", "SELECT COUNT(*) FROM catalogue_entry WHERE id = ?", entry);

        long started = System.nanoTime();
        federation.node("central").put("REVIEWER", "/api/v1/best-practices/" + entry,
                Map.of("reason", "Answers 95% of complaints within the deadline; documented for reuse."), Map.class);
        for (String nodeId : ALL) {
            var node = federation.node(nodeId);
            FederationFixture.await("central's mark is seen at " + nodeId, WAIT,
                    () -> markersAt(node, entry).contains("central"));
        }
        System.out.printf("Central's best-practice mark reached all 6 nodes in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        federation.node("prov-north").put("REVIEWER", "/api/v1/best-practices/" + entry,
                Map.of("reason", "Shared by both cities of the province."), Map.class);
        var cityB = federation.node("city-b");
        FederationFixture.await("the province's mark is seen at city-b", WAIT,
                () -> markersAt(cityB, entry).equals(List.of("central", "prov-north")));
        // The other province's subtree never receives North Province's mark.
        var countyC = federation.node("county-c");
        FederationFixture.await("central's mark stays at county-c", WAIT, () -> markersAt(countyC, entry).equals(List.of("central")));
        assertEquals(0, countyC.count("SELECT COUNT(*) FROM best_practice_mark WHERE marking_node = 'prov-north'"));
    }

    static int overdueAt(String nodeId, String owner) {
        var league = federation.node(nodeId).getJson("REVIEWER", "/api/v1/statistics/league");
        return ((List<Map<String, Object>>) league.get("rows")).stream().filter(r -> owner.equals(r.get("ownerNode")))
                .mapToInt(r -> ((Number) r.get("overdueConditions")).intValue()).sum();
    }

    /** A plan of County C and the one condition South Province placed on it. */
    record Conditioned(String planId, String conditionId) {
    }

    /**
     * Submits the plan at County C and has South Province approve it on one condition due in 10
     * days; returns once central holds the condition, open, in the plan's record.
     */
    @SuppressWarnings("unchecked")
    static Conditioned conditionedAtCountyC(Map<String, Object> plan, String conditionText) {
        var countyC = federation.node("county-c");
        var province = federation.node("prov-south");
        String id = ReviewProcedureTest.submit(countyC, plan);
        var reviewCase = ReviewProcedureTest.caseOf(province, id);
        var decision = PlanFixture.decision("CONDITIONAL_APPROVAL", "A provincial register covers part of it.");
        decision.put("conditions", List.of(Map.of("text", conditionText, "dueDate", today().plusDays(10).toString())));
        province.postJson("REVIEWER", "/api/v1/review-cases/" + reviewCase.get("id") + "/decision", decision);
        var approved = ReviewProcedureTest.awaitStatus(countyC, id, "CONDITIONALLY_APPROVED");
        String conditionId = (String) ((List<Map<String, Object>>) approved.get("conditions")).get(0).get("conditionId");
        FederationFixture.await("central holds the condition in the plan's record", WAIT, () -> federation.node("central")
                .count("SELECT COUNT(*) FROM plan_record_condition WHERE condition_id = ? AND status = 'OPEN'", conditionId) == 1);
        return new Conditioned(id, conditionId);
    }

    @Test
    @Order(5)
    void overdueCondition_isCountedAtTheOwnerItsProvinceAndCentral_untilItIsFulfilled() {
        var countyC = federation.node("county-c");
        var conditioned = conditionedAtCountyC(plan("Street light outage reports",
                "Let residents report broken street lights and track repairs by the maintenance contractor.",
                List.of("outage reports", "repair tracking")),
                "Use the provincial asset register for the lights' locations.");
        String id = conditioned.planId();
        String conditionId = conditioned.conditionId();
        List<String> counting = List.of("county-c", "prov-south", "central");
        for (String nodeId : counting) {
            assertEquals(0, overdueAt(nodeId, "county-c"), nodeId + ": not overdue before its due date");
        }

        // The due date passes without a word from County C: every level counts it by its own clock.
        CLOCK.advance(Duration.ofDays(11));
        for (String nodeId : counting) {
            assertEquals(1, overdueAt(nodeId, "county-c"), nodeId + " counts the overdue condition");
        }
        assertEquals(0, overdueAt("prov-north", "county-c"), "the other province's subtree holds none of County C's plans");

        long started = System.nanoTime();
        countyC.postJson("COORDINATOR", "/api/v1/plans/" + id + "/conditions/" + conditionId + "/fulfilment",
                Map.of("evidence", "Light positions are read from the provincial asset register since March."));
        for (String nodeId : counting) {
            FederationFixture.await(nodeId + " stops counting the fulfilled condition", WAIT,
                    () -> overdueAt(nodeId, "county-c") == 0);
        }
        System.out.printf("The fulfilled condition left central's league table in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void overdueCondition_waivedByItsProvince_isWaivedAtTheOwner_andNoLongerCountedAtTheOwnerItsProvinceOrCentral() {
        var countyC = federation.node("county-c");
        var province = federation.node("prov-south");
        var conditioned = conditionedAtCountyC(plan("Pothole reports",
                "Let residents report potholes with a photo and follow the road crew's repair.",
                List.of("pothole reports", "repair follow-up")),
                "Use the provincial road register for the potholes' locations.");
        String id = conditioned.planId();
        String conditionId = conditioned.conditionId();
        List<String> counting = List.of("county-c", "prov-south", "central");

        CLOCK.advance(Duration.ofDays(11));
        for (String nodeId : counting) {
            assertEquals(1, overdueAt(nodeId, "county-c"), nodeId + " counts the overdue condition");
        }

        long started = System.nanoTime();
        province.postJson("REVIEWER", "/api/v1/conditions/" + conditionId + "/waiver",
                Map.of("reason", "The road register is being replaced; the condition no longer serves its purpose."));
        FederationFixture.await("county-c's plan shows the condition waived", WAIT, () -> "WAIVED".equals(
                ((List<Map<String, Object>>) countyC.getJson("COORDINATOR", "/api/v1/plans/" + id).get("conditions"))
                        .get(0).get("status")));
        for (String nodeId : counting) {
            FederationFixture.await(nodeId + " stops counting the waived condition", WAIT,
                    () -> overdueAt(nodeId, "county-c") == 0);
        }
        System.out.printf("The waived condition left central's league table in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        assertEquals(1, federation.node("central")
                .count("SELECT COUNT(*) FROM plan_record_condition WHERE condition_id = ? AND status = 'WAIVED'", conditionId),
                "central's copy of the plan's record has the condition waived");
    }
}
