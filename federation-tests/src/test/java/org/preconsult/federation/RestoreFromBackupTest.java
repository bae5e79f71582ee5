package org.preconsult.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node's database restored from a backup: its counters go back, and numbers it already used
 * come round again with other content. Nothing may be taken for a duplicate, and no child may skip
 * what its restored parent writes next.
 */
class RestoreFromBackupTest {

    private FederationFixture federation;

    @AfterEach
    void stop() {
        federation.close();
    }

    private FederationFixture threeLevels() {
        var f = new FederationFixture();
        f.start("central", "Ministry of the Interior", "CENTRAL", null);
        f.start("prov-north", "North Province", "PROVINCIAL", "central");
        f.start("city-a", "City A", "LOCAL", "prov-north");
        return f;
    }

    private static String submit(FederationFixture.Node local, String title, int budget) {
        var plan = PlanFixture.completePlan(title);
        plan.put("budget", budget);
        String id = (String) local.postJson("COORDINATOR", "/api/v1/plans", plan).get("id");
        local.postJson("COORDINATOR", "/api/v1/plans/" + id + "/submission", Map.of());
        return id;
    }

    private static void awaitCase(FederationFixture.Node reviewing, String planId) {
        FederationFixture.await("plan " + planId + " has a case at " + reviewing.id(), Duration.ofSeconds(30),
                () -> reviewing.count("SELECT COUNT(*) FROM review_case WHERE plan_id = ?", planId) == 1);
    }

    @Test
    void localRestoredFromABackup_itsReusedNumbersAreConflicts_andItsNextPlanStillReachesReview() {
        federation = threeLevels();
        var province = federation.node("prov-north");
        awaitCase(province, submit(federation.node("city-a"), "Parking permits online", 20_000_000));

        federation.stop("city-a");
        var backup = federation.backUp("city-a");
        String incarnationBefore = federation.restart("city-a").text("SELECT id FROM node_incarnation WHERE current");
        awaitCase(province, submit(federation.node("city-a"), "Library loans online", 20_000_000));

        // The disk fails; the operator restores last night's backup and starts the node once as restored.
        federation.stop("city-a");
        federation.restore("city-a", backup);
        var restored = federation.restart("city-a", Map.of("preconsult.node.restored", "true"));
        assertNotEquals(incarnationBefore, restored.text("SELECT id FROM node_incarnation WHERE current"));

        // The restored node's counter stands where the backup stood: its next envelope would take the
        // number the lost plan had. Reconciliation tells it the highest number the province holds (or
        // the province answers CONFLICT), so the new plan is never acknowledged as a duplicate.
        long highestBefore = province.count("SELECT MAX(origin_seq) FROM inbox WHERE origin_node = 'city-a'");
        String next = submit(restored, "Water meter readings online", 20_000_000);
        awaitCase(province, next);
        assertTrue(province.count("SELECT MAX(origin_seq) FROM inbox WHERE origin_node = 'city-a'") > highestBefore,
                "the new plan arrived under a number the province had not seen");
        FederationFixture.await("the parent confirmed the plan", Duration.ofSeconds(10),
                () -> restored.count("SELECT COUNT(*) FROM plan_delivery WHERE plan_id = ? AND confirmed_at IS NOT NULL", next) == 1);
    }

    @Test
    void provinceRestoredFromABackup_itsChildReadsTheFeedAgain_andTheNextDecisionArrives() {
        federation = threeLevels();
        var cityA = federation.node("city-a");
        String first = submit(cityA, "Parking permits online", 20_000_000);
        String second = submit(cityA, "Library loans online", 20_000_000);
        awaitCase(federation.node("prov-north"), first);
        awaitCase(federation.node("prov-north"), second);

        federation.stop("prov-north");
        var backup = federation.backUp("prov-north");
        var province = federation.restart("prov-north");
        decide(province, first, "UNCONDITIONAL_APPROVAL");
        FederationFixture.await("city-a applied the first decision", Duration.ofSeconds(30),
                () -> "APPROVED".equals(cityA.getJson("COORDINATOR", "/api/v1/plans/" + first).get("status")));

        // The province's disk fails; its backup predates that decision, so its feed is shorter than
        // what city-a has read, and the next decision takes a position city-a has already passed.
        federation.stop("prov-north");
        federation.restore("prov-north", backup);
        var restored = federation.restart("prov-north", Map.of("preconsult.node.restored", "true"));
        decide(restored, second, "RETURN");

        FederationFixture.await("city-a receives the decision written at a reused position", Duration.ofSeconds(30),
                () -> "RETURNED".equals(cityA.getJson("COORDINATOR", "/api/v1/plans/" + second).get("status")));
        assertTrue(cityA.count("SELECT COUNT(*) FROM sync_conflict WHERE kind = 'FEED_RESYNC'")
                + restored.count("SELECT COUNT(*) FROM sync_conflict WHERE kind = 'CHILD_CURSOR_AHEAD'") >= 1,
                "the re-synchronisation is recorded for the operators");
    }

    @SuppressWarnings("unchecked")
    private static void decide(FederationFixture.Node reviewing, String planId, String outcome) {
        var open = (List<Map<String, Object>>) reviewing.getJson("REVIEWER", "/api/v1/review-cases?status=OPEN&size=200").get("items");
        var caseView = open.stream().filter(c -> planId.equals(((Map<String, Object>) c.get("plan")).get("planId")))
                .findFirst().orElseThrow(() -> new AssertionError("no open case for " + planId + " at " + reviewing.id()));
        reviewing.postJson("REVIEWER", "/api/v1/review-cases/" + caseView.get("id") + "/decision",
                PlanFixture.decision(outcome, "Decided in the restore scenario."));
        assertEquals(1L, reviewing.count("SELECT COUNT(*) FROM review_case WHERE plan_id = ? AND status = 'DECIDED'", planId));
    }
}
