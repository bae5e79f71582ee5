package org.preconsult.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The review procedure across levels: thresholds decide who reviews, returned plans come back and
 * go up again, conditions are tracked to fulfilment, and service levels run on the nodes' clock.
 */
class ReviewProcedureTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-01-04T09:00:00Z"));
    static FederationFixture federation;

    @BeforeAll
    static void startFederation() {
        federation = FederationFixture.standardTree(CLOCK);
    }

    @AfterAll
    static void stopFederation() {
        federation.close();
    }

    static String submit(FederationFixture.Node local, Map<String, Object> plan) {
        String id = (String) local.postJson("COORDINATOR", "/api/v1/plans", plan).get("id");
        local.postJson("COORDINATOR", "/api/v1/plans/" + id + "/submission", Map.of());
        return id;
    }

    static Map<String, Object> caseOf(FederationFixture.Node node, String planId) {
        FederationFixture.await("a review case for " + planId + " at " + node.id(), Duration.ofSeconds(20),
                () -> node.count("SELECT COUNT(*) FROM review_case WHERE plan_id = ?", planId) > 0);
        var page = node.getJson("REVIEWER", "/api/v1/review-cases?size=200");
        return ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(c -> planId.equals(((Map<String, Object>) c.get("plan")).get("planId")))
                .reduce((first, second) -> second).orElseThrow();
    }

    static Map<String, Object> awaitStatus(FederationFixture.Node local, String planId, String status) {
        FederationFixture.await(planId + " becomes " + status + " at " + local.id(), Duration.ofSeconds(20),
                () -> status.equals(local.getJson("COORDINATOR", "/api/v1/plans/" + planId).get("status")));
        return local.getJson("COORDINATOR", "/api/v1/plans/" + planId);
    }

    static Map<String, Object> plan(String title, long budget) {
        var plan = PlanFixture.completePlan(title);
        plan.put("budget", budget);
        return plan;
    }

    @Test
    void smallPlan_isDecidedByItsProvince_withoutReachingCentral() {
        var cityB = federation.node("city-b");
        var province = federation.node("prov-north");
        String planId = submit(cityB, plan("Small library booking tool", 20_000_000));
        var reviewCase = caseOf(province, planId);
        assertEquals("OPEN", reviewCase.get("status"));
        assertTrue(((String) reviewCase.get("routingReason")).contains("within the provincial threshold of 50000000"));

        province.postJson("REVIEWER", "/api/v1/review-cases/" + reviewCase.get("id") + "/decision",
                PlanFixture.decision("UNCONDITIONAL_APPROVAL", "Small and without overlap in the province."));
        var decided = awaitStatus(cityB, planId, "APPROVED");
        var decision = ((List<Map<String, Object>>) decided.get("decisions")).get(0);
        assertEquals("prov-north", decision.get("decidingNode"));

        var central = federation.node("central");
        FederationFixture.await("central learns of the provincial decision for its statistics", Duration.ofSeconds(20),
                () -> central.count("SELECT COUNT(*) FROM reported_case WHERE plan_id = ?", planId) == 1);
        assertEquals(0, central.count("SELECT COUNT(*) FROM review_case WHERE plan_id = ?", planId));
        FederationFixture.await("the approved plan reaches the other province's catalogue", Duration.ofSeconds(20),
                () -> federation.node("county-c").count("SELECT COUNT(*) FROM catalogue_entry WHERE id = ?",
                        "city-b:plan:" + planId) == 1);
    }

    @Test
    void largePlan_isReviewedAtBothLevels() {
        var cityA = federation.node("city-a");
        var province = federation.node("prov-north");
        var central = federation.node("central");
        String planId = submit(cityA, plan("Integrated welfare case management", 900_000_000));

        var forwarded = caseOf(province, planId);
        assertEquals("FORWARDED", forwarded.get("status"));
        assertTrue(((String) forwarded.get("routingReason")).contains("above the provincial threshold"));
        var atCentral = caseOf(central, planId);
        assertEquals("OPEN", atCentral.get("status"));
        var preliminary = (List<Map<String, Object>>) atCentral.get("preliminaryReviews");
        assertEquals(1, preliminary.size());
        assertEquals("prov-north", preliminary.get(0).get("reviewingNode"));
        assertNotNull(preliminary.get(0).get("opinion"));
        assertTrue(((String) atCentral.get("routingReason")).startsWith("Forwarded by prov-north"));

        central.postJson("REVIEWER", "/api/v1/review-cases/" + atCentral.get("id") + "/decision",
                PlanFixture.decision("UNCONDITIONAL_APPROVAL", "Reviewed at central after the province's preliminary review."));
        awaitStatus(cityA, planId, "APPROVED");
        FederationFixture.await("the province sees central's decision on the case it forwarded", Duration.ofSeconds(20),
                () -> "UNCONDITIONAL_APPROVAL".equals(((Map<String, Object>) caseOf(province, planId).get("decision")) == null
                        ? null : ((Map<String, Object>) caseOf(province, planId).get("decision")).get("outcome")));
    }

    @Test
    void planOverlappingAStandardSystem_goesUp_andIsRecommendedDeferral() {
        var central = federation.node("central");
        var standard = central.postJson("OPERATOR", "/api/v1/standard-systems", Map.of(
                "name", "National Disaster Shelter Registry",
                "description", "Standard system for registering emergency shelters, shelter capacity and evacuee "
                        + "check-in during floods, earthquakes and typhoons, distributed to every municipality.",
                "functions", List.of("shelter registration", "evacuee check-in", "capacity reporting"),
                "language", "en", "status", "PLANNED"));
        var countyC = federation.node("county-c");
        FederationFixture.await("the standard reaches the province", Duration.ofSeconds(20),
                () -> federation.node("prov-south").count("SELECT COUNT(*) FROM catalogue_entry WHERE id = ?", standard.get("id")) == 1);
        var plan = plan("Disaster shelter registry", 10_000_000);
        plan.put("purpose", "Register emergency shelters, their capacity and evacuee check-in during floods, "
                + "earthquakes and typhoons in the county.");
        plan.put("functions", List.of("shelter registration", "evacuee check-in", "capacity reporting"));
        String planId = submit(countyC, plan);

        var forwarded = caseOf(federation.node("prov-south"), planId);
        assertEquals("FORWARDED", forwarded.get("status"), () -> "below the threshold, but a standard overlap always goes up; "
                + "routed: " + forwarded.get("routingReason") + "; evidence: " + forwarded.get("evidence"));
        var atCentral = caseOf(central, planId);
        var recommendation = (Map<String, Object>) ((Map<String, Object>) atCentral.get("evidence")).get("recommendation");
        assertEquals("DEFERRAL", recommendation.get("outcome"));
        assertEquals(standard.get("id"), ((Map<String, Object>) recommendation.get("proposed")).get("entryId"));
    }

    @Test
    void incompletePlan_isRefusedLocally_andAReturnedPlanIsCompletedAndSubmittedAgain() {
        var cityA = federation.node("city-a");
        var incomplete = plan("Street light maintenance", 30_000_000);
        incomplete.remove("platform");
        String draftId = (String) cityA.postJson("COORDINATOR", "/api/v1/plans", incomplete).get("id");
        // Earlier scenarios' envelopes may still wait for their acknowledgement, so the outbox itself
        // need not be empty: what must not move is the sequence of envelopes this node announces.
        String announced = "SELECT counter_value FROM node_counter WHERE name = 'envelope'";
        long announcedBefore = cityA.count(announced);
        var refused = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> cityA.postJson("COORDINATOR", "/api/v1/plans/" + draftId + "/submission", Map.of()));
        assertEquals(400, refused.getStatus().getCode());
        assertEquals(announcedBefore, cityA.count(announced), "an incomplete plan never travels");
        assertEquals("DRAFT", cityA.getJson("COORDINATOR", "/api/v1/plans/" + draftId).get("status"));

        var province = federation.node("prov-north");
        String planId = submit(cityA, plan("Street tree inventory", 30_000_000));
        var first = caseOf(province, planId);
        province.postJson("REVIEWER", "/api/v1/review-cases/" + first.get("id") + "/decision",
                PlanFixture.decision("RETURN", "The maintenance contract section is missing."));
        var returned = awaitStatus(cityA, planId, "RETURNED");
        assertEquals("The maintenance contract section is missing.",
                ((List<String>) ((List<Map<String, Object>>) returned.get("decisions")).get(0).get("reasons")).get(0));

        var completed = plan("Street tree inventory", 30_000_000);
        completed.put("purpose", completed.get("purpose") + " Maintenance is contracted to the parks department.");
        cityA.put("COORDINATOR", "/api/v1/plans/" + planId, completed, Map.class);
        var resubmitted = cityA.postJson("COORDINATOR", "/api/v1/plans/" + planId + "/submission", Map.of());
        assertEquals(2, resubmitted.get("revision"));
        FederationFixture.await("the second revision has its own case", Duration.ofSeconds(20),
                () -> province.count("SELECT COUNT(*) FROM review_case WHERE plan_id = ?", planId) == 2);
        var second = caseOf(province, planId);
        assertEquals(first.get("id"), second.get("previousCaseId"));
        assertEquals(1, ((List<?>) cityA.getJson("COORDINATOR", "/api/v1/plans/" + planId).get("decisions")).size(),
                "the plan keeps its history");
    }

    @Test
    void conditionFulfilledLocally_isSeenAsFulfilledAtTheDecidingNode() {
        var cityB = federation.node("city-b");
        var province = federation.node("prov-north");
        String planId = submit(cityB, plan("Sports facility booking", 25_000_000));
        var reviewCase = caseOf(province, planId);
        var decision = PlanFixture.decision("CONDITIONAL_APPROVAL", "City A runs a booking system for the same need.");
        decision.put("conditions", List.of(Map.of("text", "Assess adoption of City A's booking system before procurement.",
                "dueDate", "2027-03-31")));
        province.postJson("REVIEWER", "/api/v1/review-cases/" + reviewCase.get("id") + "/decision", decision);
        var approved = awaitStatus(cityB, planId, "CONDITIONALLY_APPROVED");
        var condition = ((List<Map<String, Object>>) approved.get("conditions")).get(0);
        assertEquals("OPEN", condition.get("status"));

        cityB.postJson("COORDINATOR", "/api/v1/plans/" + planId + "/conditions/" + condition.get("conditionId") + "/fulfilment",
                Map.of("evidence", "Assessment report 2027-02: City A's system adopted with minor changes."));
        FederationFixture.await("the province sees the condition fulfilled", Duration.ofSeconds(20),
                () -> province.count("SELECT COUNT(*) FROM case_condition WHERE condition_id = ? AND status = 'FULFILLED'",
                        condition.get("conditionId")) == 1);
        List<Map<String, Object>> perGovernment = province.http().retrieve(
                province.as("REVIEWER", HttpRequest.GET("/api/v1/conditions/by-government")),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        var cityBSummary = perGovernment.stream().filter(g -> "city-b".equals(g.get("ownerNode"))).findFirst().orElseThrow();
        assertEquals(1, ((Number) cityBSummary.get("fulfilled")).intValue());
    }

    @Test
    void serviceLevels_areMeasuredOnTheNodesClock() {
        var countyC = federation.node("county-c");
        var province = federation.node("prov-south");
        String quick = submit(countyC, plan("Parking fine appeals", 15_000_000));
        String late = submit(countyC, plan("Cemetery plot register", 15_000_000));
        var disasterPlan = plan("Flood warning sirens control", 15_000_000);
        disasterPlan.put("disasterOrSafety", true);
        String urgent = submit(countyC, disasterPlan);
        var quickCase = caseOf(province, quick);
        var lateCase = caseOf(province, late);
        var urgentCase = caseOf(province, urgent);
        assertEquals(30.0, ((Number) quickCase.get("remainingDays")).doubleValue(), 0.1);
        assertEquals(10.0, ((Number) urgentCase.get("remainingDays")).doubleValue(), 0.1);

        CLOCK.advance(Duration.ofDays(4));
        province.postJson("REVIEWER", "/api/v1/review-cases/" + quickCase.get("id") + "/decision",
                PlanFixture.decision("UNCONDITIONAL_APPROVAL", "Decided within four days."));
        CLOCK.advance(Duration.ofDays(31));
        var overdueCase = province.getJson("REVIEWER", "/api/v1/review-cases/" + lateCase.get("id"));
        assertEquals(Boolean.TRUE, overdueCase.get("overdue"));
        assertEquals(-5.0, ((Number) overdueCase.get("remainingDays")).doubleValue(), 0.1);
        province.postJson("REVIEWER", "/api/v1/review-cases/" + lateCase.get("id") + "/decision",
                PlanFixture.decision("UNCONDITIONAL_APPROVAL", "Decided late."));

        var report = province.getJson("REVIEWER", "/api/v1/review-cases/turnaround");
        var provincial = ((List<Map<String, Object>>) report.get("levels")).stream()
                .filter(l -> "PROVINCIAL".equals(l.get("level"))).findFirst().orElseThrow();
        // Cases at prov-south: the three above (the standard-overlap plan went up and is not counted here).
        assertEquals(3, ((Number) provincial.get("cases")).intValue());
        assertEquals(2, ((Number) provincial.get("decided")).intValue());
        assertEquals(4.0, ((Number) provincial.get("medianDays")).doubleValue(), 0.1);
        assertEquals(35.0, ((Number) provincial.get("p90Days")).doubleValue(), 0.1);
        assertEquals(2, ((Number) provincial.get("overdue")).intValue(), "the late decision and the open disaster case");
    }

    @Test
    void clearCase_isDecidedAutomatically_whenTheOperatorAllowsIt_andTheDecisionSaysSo() {
        var province = federation.node("prov-north");
        var cityA = federation.node("city-a");
        province.put("OPERATOR", "/api/v1/review-policy", Map.of("automaticDecisions", true, "minConfidence", 0.9), Map.class);
        try {
            var unique = plan("Beekeeping permit ledger for rooftop apiaries", 5_000_000);
            unique.put("purpose", "Keep a ledger of rooftop apiaries, hive inspections and swarm reports for the city's beekeepers.");
            unique.put("functions", List.of("apiary ledger", "hive inspection log", "swarm report"));
            unique.put("functionCode", "APIARY");
            String planId = submit(cityA, unique);
            var decided = awaitStatus(cityA, planId, "APPROVED");
            var decision = ((List<Map<String, Object>>) decided.get("decisions")).get(0);
            assertEquals(Boolean.TRUE, decision.get("automatic"));
            assertEquals("automatic", decision.get("decidedBy"));
            assertTrue(((List<String>) decision.get("reasons")).stream().anyMatch(r -> r.startsWith("Decided automatically")));
        } finally {
            province.put("OPERATOR", "/api/v1/review-policy", Map.of("automaticDecisions", false, "minConfidence", 0.9), Map.class);
        }
    }

    @Test
    void departingFromTheRecommendation_needsAReason() {
        var province = federation.node("prov-north");
        String planId = submit(federation.node("city-b"), plan("Allotment garden waiting list", 8_000_000));
        var reviewCase = caseOf(province, planId);
        var evidence = (Map<String, Object>) reviewCase.get("evidence");
        String recommended = (String) ((Map<String, Object>) evidence.get("recommendation")).get("outcome");
        String other = recommended.equals("DEFERRAL") ? "UNCONDITIONAL_APPROVAL" : "DEFERRAL";
        var refused = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> province.postJson("REVIEWER", "/api/v1/review-cases/" + reviewCase.get("id") + "/decision",
                        Map.of("outcome", other, "reasons", List.of("A reason without saying why we depart."))));
        assertEquals(400, refused.getStatus().getCode());
        assertEquals("OPEN", caseOf(province, planId).get("status"), "a refused decision changes nothing");
        var decided = province.postJson("REVIEWER", "/api/v1/review-cases/" + reviewCase.get("id") + "/decision",
                Map.of("outcome", other, "reasons", List.of("Waiting for the national standard."),
                        "overrideReason", "The ministry announced a standard for this next year."));
        assertEquals("The ministry announced a standard for this next year.", decided.get("overrideReason"));
    }

    @Test
    void centralsOwnPlan_isReviewedAtCentral_andTheDecisionAppliesThere() {
        var central = federation.node("central");
        var plan = plan("Ministry records archive", 700_000_000);
        plan.put("purpose", "Digitise the ministry's paper records archive and keep retention schedules for each series.");
        plan.put("functions", List.of("scanning workflow", "retention schedule"));
        String planId = submit(central, plan);
        var reviewCase = caseOf(central, planId);
        assertEquals("OPEN", reviewCase.get("status"));
        central.postJson("REVIEWER", "/api/v1/review-cases/" + reviewCase.get("id") + "/decision",
                PlanFixture.decision("UNCONDITIONAL_APPROVAL", "No overlap found."));
        var decided = awaitStatus(central, planId, "APPROVED");
        assertEquals("central", ((List<Map<String, Object>>) decided.get("decisions")).get(0).get("decidingNode"));
    }
}
