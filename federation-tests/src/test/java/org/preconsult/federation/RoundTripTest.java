package org.preconsult.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A plan goes up from a local government; the decision comes back down to it, and only to it. */
class RoundTripTest {

    static FederationFixture federation;

    @BeforeAll
    static void startFederation() {
        federation = FederationFixture.standardTree();
    }

    @AfterAll
    static void stopFederation() {
        federation.close();
    }

    @Test
    void submittedPlan_reachesCentral_andDecisionComesBackOnlyToItsOrigin() {
        var cityA = federation.node("city-a");
        var central = federation.node("central");
        var draft = cityA.postJson("COORDINATOR", "/api/v1/plans", PlanFixture.completePlan("Online building permits"));
        String planId = (String) draft.get("id");
        cityA.postJson("COORDINATOR", "/api/v1/plans/" + planId + "/submission", Map.of());

        FederationFixture.await("the plan has a review case at central", Duration.ofSeconds(20),
                () -> central.count("SELECT COUNT(*) FROM review_case WHERE plan_id = ?", planId) == 1);
        var open = central.getJson("REVIEWER", "/api/v1/review-cases?status=OPEN");
        var caseView = ((List<Map<String, Object>>) open.get("items")).stream()
                .filter(c -> planId.equals(((Map<String, Object>) c.get("plan")).get("planId"))).findFirst().orElseThrow();
        assertEquals("city-a", ((Map<String, Object>) caseView.get("plan")).get("originNode"));

        central.postJson("REVIEWER", "/api/v1/review-cases/" + caseView.get("id") + "/decision",
                PlanFixture.decision("UNCONDITIONAL_APPROVAL", "No overlap with registered systems."));

        FederationFixture.await("the decision is visible at city-a", Duration.ofSeconds(20),
                () -> "APPROVED".equals(cityA.getJson("COORDINATOR", "/api/v1/plans/" + planId).get("status")));
        var decided = cityA.getJson("COORDINATOR", "/api/v1/plans/" + planId);
        var decisions = (List<Map<String, Object>>) decided.get("decisions");
        assertEquals(1, decisions.size());
        assertEquals("UNCONDITIONAL_APPROVAL", decisions.get(0).get("outcome"));
        assertEquals(List.of("No overlap with registered systems."), decisions.get(0).get("reasons"));
        assertEquals("central", decisions.get(0).get("decidingNode"));

        // The approved plan joins every catalogue; the decision itself reaches no other local.
        for (var local : federation.locals()) {
            FederationFixture.await("the approved plan is in the catalogue of " + local.id(), Duration.ofSeconds(20),
                    () -> local.count("SELECT COUNT(*) FROM catalogue_entry WHERE id = ?", "city-a:plan:" + planId) == 1);
            if (!local.id().equals("city-a")) {
                assertEquals(0, local.count("SELECT COUNT(*) FROM plan_decision"));
                assertFalse(local.everythingStored().contains("No overlap with registered systems."));
            }
        }
    }
}
